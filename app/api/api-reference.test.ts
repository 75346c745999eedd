import { curlExample, describeApi, exampleValue } from "./api-reference";

const document = {
  openapi: "3.1.0",
  info: { title: "Test API", version: "1", description: "For tests." },
  servers: [{ url: "https://firsthand.example/" }],
  components: {
    schemas: {
      Error: { type: "object", properties: { error: { type: "string" } }, required: ["error"] },
      Check: {
        type: "object",
        properties: {
          rep: { type: "string", format: "email", example: "ada@example.com" },
          product: { type: "string", example: "ledgerflow" },
        },
        required: ["rep", "product"],
      },
    },
  },
  paths: {
    "/api/v1/things/{id}": {
      parameters: [],
      delete: {
        summary: "Delete a thing",
        security: [{ bearer: ["things:write"] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "404": {
            description: "No such thing",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
          "204": { description: "Deleted" },
          "401": {
            description: "No token",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        },
      },
    },
    "/api/v1/checks": {
      post: {
        summary: "Checks",
        description: "Many at once.",
        security: [{ bearer: ["eligibility:read"] }],
        parameters: [
          { name: "dryRun", in: "query", required: false, schema: { type: "boolean" } },
          {
            name: "limit",
            in: "query",
            required: false,
            description: "Per page.",
            schema: { type: "integer", example: 10 },
          },
        ],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  checks: {
                    type: "array",
                    items: { $ref: "#/components/schemas/Check" },
                    minItems: 1,
                  },
                },
                required: ["checks"],
              },
            },
          },
        },
        responses: { "200": { description: "OK" } },
      },
    },
  },
};

test("each operation carries its method, scope, parameters, body fields and responses in status order", () => {
  const api = describeApi(document);
  expect(api).toMatchObject({
    title: "Test API",
    version: "1",
    serverUrl: "https://firsthand.example/",
  });
  expect(api.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
    "DELETE /api/v1/things/{id}",
    "POST /api/v1/checks",
  ]);
  const [remove, checks] = api.operations;
  expect(remove.scopes).toEqual(["things:write"]);
  expect(remove.responses.map((r) => [r.status, r.schemaName, r.sameBodyAs])).toEqual([
    ["204", null, null],
    ["401", "Error", null],
    ["404", "Error", "401"],
  ]);
  expect(remove.responses[1].fields.map((f) => f.name)).toEqual(["error"]);
  expect(remove.responses[2].fields).toEqual([]);
  expect(checks.parameters.map((p) => [p.name, p.in, p.required, p.type, p.description])).toEqual([
    ["dryRun", "query", false, "boolean", null],
    ["limit", "query", false, "integer", "Per page."],
  ]);
  expect(checks.requestBody?.fields.map((f) => f.name)).toEqual([
    "checks",
    "checks[].rep",
    "checks[].product",
  ]);
  expect(new Set(api.operations.map((o) => o.id)).size).toBe(2);
});

test("the curl example uses the document's examples and a token from the environment", () => {
  const [remove, checks] = describeApi(document).operations;
  expect(remove.curl).toBe(
    `curl -X DELETE 'https://firsthand.example/api/v1/things/<id>' \\\n  -H "Authorization: Bearer $FIRSTHAND_TOKEN"`,
  );
  expect(checks.curl.split(" \\\n")).toEqual([
    "curl -X POST 'https://firsthand.example/api/v1/checks?limit=10'",
    '  -H "Authorization: Bearer $FIRSTHAND_TOKEN"',
    "  -H 'Content-Type: application/json'",
    `  -d '{"checks":[{"rep":"ada@example.com","product":"ledgerflow"}]}'`,
  ]);
});

test("example values fall back by type, and quotes in them are safe in a shell", () => {
  expect(exampleValue({ type: "integer", minimum: 5 }, {})).toBe(5);
  expect(exampleValue({ type: "string", enum: ["x", "y"] }, {})).toBe("x");
  expect(exampleValue({ type: ["string", "null"], format: "date-time" }, {})).toBe(
    "2025-01-31T00:00:00Z",
  );
  const curl = curlExample({
    serverUrl: "http://localhost:3000",
    method: "POST",
    path: "/x",
    parameters: [],
    body: { contentType: "application/json", example: { name: "O'Brien" } },
  });
  expect(curl).toContain(`-d '{"name":"O'\\''Brien"}'`);
});
