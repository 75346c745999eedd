import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ApiScope } from "#db/schema";
import { createApiToken } from "./api-token";
import { demoEmail } from "./browser";
import {
  listOperations,
  schemaValidator,
  type OpenApiDocument,
  type Operation,
} from "./openapi-contract";
import { writeRepStatuses } from "./rep-statuses";
import { startServer, type RunningServer } from "./start-server";

/**
 * Real calls, each naming the documented operation it exercises. Every operation the served
 * document lists, and every status it documents, must appear here: a new endpoint fails this file
 * until it gets rows.
 */
type Call = {
  operation: string;
  /** Appended to the operation's path. */
  query?: string;
  body?: unknown;
  /** A body sent as it is, with this content type. */
  raw?: { type: string; text: string };
  /** The token's scopes; null sends no token at all. */
  scopes: ApiScope[] | null;
  status: number;
};

const rep1 = demoEmail("rep1");
const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;
const since = "2001-01-01T00:00:00.000Z";

const calls: Call[] = [
  {
    operation: "GET /api/v1/eligibility",
    query: q({ rep: rep1, product: "ledgerflow" }),
    scopes: ["eligibility:read"],
    status: 200,
  },
  {
    operation: "GET /api/v1/eligibility",
    query: q({ rep: demoEmail("rep5"), product: "crewline" }),
    scopes: ["eligibility:read"],
    status: 200,
  },
  {
    operation: "GET /api/v1/eligibility",
    query: q({ rep: "not-an-email", product: "ledgerflow" }),
    scopes: ["eligibility:read"],
    status: 400,
  },
  {
    operation: "GET /api/v1/eligibility",
    query: q({ rep: rep1, product: "ledgerflow" }),
    scopes: null,
    status: 401,
  },
  {
    operation: "GET /api/v1/eligibility",
    query: q({ rep: rep1, product: "ledgerflow" }),
    scopes: ["certifications:read"],
    status: 403,
  },
  {
    operation: "GET /api/v1/eligibility",
    query: q({ rep: demoEmail("nobody"), product: "ledgerflow" }),
    scopes: ["eligibility:read"],
    status: 404,
  },
  {
    operation: "POST /api/v1/eligibility/batch",
    body: {
      checks: [
        { rep: rep1, product: "crewline" },
        { rep: demoEmail("rep2"), product: "ledgerflow" },
        { rep: demoEmail("nobody"), product: "crewline" },
      ],
    },
    scopes: ["eligibility:read"],
    status: 200,
  },
  {
    operation: "POST /api/v1/eligibility/batch",
    body: { checks: [] },
    scopes: ["eligibility:read"],
    status: 400,
  },
  {
    operation: "POST /api/v1/eligibility/batch",
    body: { checks: [{ rep: rep1, product: "crewline" }] },
    scopes: null,
    status: 401,
  },
  {
    operation: "POST /api/v1/eligibility/batch",
    body: { checks: [{ rep: rep1, product: "crewline" }] },
    scopes: ["certifications:read"],
    status: 403,
  },
  {
    operation: "POST /api/v1/eligibility/batch",
    raw: { type: "text/plain", text: "checks" },
    scopes: ["eligibility:read"],
    status: 415,
  },
  {
    // Rows written below make this page hold a verdict, a retired product and a next cursor.
    operation: "GET /api/v1/certifications",
    query: q({ updatedSince: since, limit: "3" }),
    scopes: ["certifications:read"],
    status: 200,
  },
  {
    operation: "GET /api/v1/certifications",
    query: q({ updatedSince: "2999-01-01T00:00:00Z" }),
    scopes: ["certifications:read"],
    status: 200,
  },
  {
    operation: "GET /api/v1/certifications",
    query: q({ limit: "0" }),
    scopes: ["certifications:read"],
    status: 400,
  },
  { operation: "GET /api/v1/certifications", scopes: null, status: 401 },
  { operation: "GET /api/v1/certifications", scopes: ["eligibility:read"], status: 403 },
];

let server: RunningServer;
let document: OpenApiDocument;
const tokens = new Map<string, string>();

beforeAll(async () => {
  server = await startServer();
  for (const scopes of new Set(calls.flatMap((c) => (c.scopes ? [c.scopes.join(" ")] : []))))
    tokens.set(scopes, createApiToken(server, scopes.split(" "), `Contract ${scopes}`));
  writeRepStatuses(
    server,
    [
      ["rep1", "ledgerflow"],
      ["rep2", "retired-product"],
      ["rep4", "crewline"],
      ["rep5", "ledgerflow"],
    ].map(([rep, product], i) => ({
      email: demoEmail(rep),
      product,
      status: "certified",
      eligible: true,
      changedAt: new Date(Date.parse(since) + i),
    })),
  );
  const response = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  document = await response.json();
});
afterAll(async () => {
  await server?.stop();
});

const documented = (status: number, operation: Operation) =>
  operation.responses[String(status)] ?? undefined;

test("the served document is valid OpenAPI 3.1", async () => {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document));
  expect(result.errors).toBeUndefined();
  expect(result.valid).toBe(true);
  expect(validator.version).toBe("3.1");
});

test("every operation and every status it documents is called below, and only those", () => {
  const operations = listOperations(document);
  expect(operations.length).toBeGreaterThanOrEqual(3);
  const called = new Set(calls.map((c) => c.operation));
  expect(
    operations.map((o) => o.key).filter((key) => !called.has(key)),
    "operations in the document with no call in openapi.test.ts",
  ).toEqual([]);
  expect(
    [...called].filter((key) => !operations.some((o) => o.key === key)),
    "calls to operations the document does not list",
  ).toEqual([]);
  const uncalled = operations.flatMap(({ key, operation }) =>
    Object.keys(operation.responses)
      .filter((status) => !calls.some((c) => c.operation === key && String(c.status) === status))
      .map((status) => `${key} → ${status}`),
  );
  expect(uncalled, "documented statuses no call produces").toEqual([]);
});

test("each real response has a documented status and a body that matches its schema", async () => {
  const validate = schemaValidator(document);
  const operations = new Map(listOperations(document).map((o) => [o.key, o.operation]));
  const failures: string[] = [];
  for (const call of calls) {
    const operation = operations.get(call.operation);
    if (!operation) continue; // reported by the coverage test
    const [method, path] = call.operation.split(" ");
    const where = `${call.operation}${call.query ?? ""} as ${call.scopes?.join("+") ?? "nobody"}`;

    // The success calls are requests the document allows, so the table cannot drift from it either.
    if (call.status < 300) failures.push(...requestProblems({ call, operation, validate, where }));

    const headers: Record<string, string> = {};
    if (call.scopes) headers.Authorization = `Bearer ${tokens.get(call.scopes.join(" "))}`;
    if (call.body !== undefined) headers["Content-Type"] = "application/json";
    if (call.raw) headers["Content-Type"] = call.raw.type;
    const response = await fetch(`${server.baseUrl}${path}${call.query ?? ""}`, {
      method,
      headers,
      body: call.raw
        ? call.raw.text
        : call.body === undefined
          ? undefined
          : JSON.stringify(call.body),
    });
    const text = await response.text();
    if (response.status !== call.status) {
      failures.push(
        `${where}: expected ${call.status}, got ${response.status} ${text.slice(0, 200)}`,
      );
      continue;
    }
    const doc = documented(response.status, operation);
    if (!doc) {
      failures.push(`${where}: ${response.status} is not a documented response`);
      continue;
    }
    const schema = doc.content?.["application/json"]?.schema;
    if (!schema) {
      failures.push(`${where}: ${response.status} documents no JSON body`);
      continue;
    }
    if (!/^application\/json/.test(response.headers.get("content-type") ?? ""))
      failures.push(`${where}: answered ${response.headers.get("content-type")}, not JSON`);
    const problems = validate(schema, JSON.parse(text));
    if (problems.length) failures.push(`${where}: body does not match: ${problems.join("; ")}`);
  }
  expect(failures).toEqual([]);
});

function requestProblems({
  call,
  operation,
  validate,
  where,
}: {
  call: Call;
  operation: Operation;
  validate: ReturnType<typeof schemaValidator>;
  where: string;
}) {
  const problems: string[] = [];
  const sent = new URLSearchParams(call.query ?? "");
  const params = (operation.parameters ?? []).filter((p) => p.in === "query");
  for (const name of sent.keys())
    if (!params.some((p) => p.name === name)) problems.push(`${where}: ${name} is not documented`);
  for (const p of params)
    if (p.required && !sent.has(p.name)) problems.push(`${where}: leaves out required ${p.name}`);
  const bodySchema = operation.requestBody?.content["application/json"]?.schema;
  if (call.body !== undefined) {
    if (!bodySchema) problems.push(`${where}: sends a body the document does not describe`);
    else problems.push(...validate(bodySchema, call.body).map((p) => `${where}: body ${p}`));
  }
  return problems;
}

test("the contract check itself catches an undocumented field and a wrong type", () => {
  const validate = schemaValidator(document);
  const schema = { $ref: "#/components/schemas/Eligibility" };
  const verdict = {
    rep: rep1,
    product: "ledgerflow",
    eligible: true,
    status: "certified",
    certifiedAt: "2025-01-01T00:00:00.000Z",
    expiresAt: null,
    refreshDueModules: [],
    missingModules: [],
    reasons: [],
    verifyUrl: null,
  };
  expect(validate(schema, verdict)).toEqual([]);
  expect(validate(schema, { ...verdict, secret: 1 })).not.toEqual([]);
  expect(validate(schema, { ...verdict, eligible: "yes" })).not.toEqual([]);
  expect(
    validate(schema, { ...verdict, missingModules: [{ slug: "a", title: "A", extra: 1 }] }),
  ).not.toEqual([]);
  const change = { $ref: "#/components/schemas/CertificationChange" };
  expect(validate(change, { ...verdict, updatedAt: "2025-01-01T00:00:00.000Z" })).toEqual([]);
  expect(validate(change, verdict)).not.toEqual([]);
});
