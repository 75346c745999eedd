import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ApiScope } from "#db/schema";
import { createApiToken } from "./api-token";
import { demoEmail } from "./browser";
import { readDemoHandoffs } from "./demo-people";
import {
  listOperations,
  schemaValidator,
  type OpenApiDocument,
  type Operation,
} from "./openapi-contract";
import { startServerWithSettledStatuses, writeRepStatuses } from "./rep-statuses";
import type { RunningServer } from "./start-server";

/**
 * Real calls, each naming the documented operation it exercises. Every operation the served
 * document lists, and every status it documents, must appear here: a new endpoint fails this file
 * until it gets rows.
 */
type Fixtures = { webhookId: string; doomedWebhookId: string; handoffId: string };
type Call = {
  operation: string;
  /** Values for the path's `{placeholders}`. */
  params?: (f: Fixtures) => Record<string, string>;
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
// Nothing listens there, and no status changes while this file runs, so nothing is delivered.
const hook = {
  url: "http://127.0.0.1:9/firsthand",
  secret: "whsec_contract_0123456789",
  events: ["certification.issued"],
};
const notAWebhook = "wh_aaaaaaaaaaaaaaaa";
const notAHandoff = "ho_aaaaaaaaaaaaaaaa";

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
  { operation: "GET /api/v1/webhooks", scopes: ["webhooks:write"], status: 200 },
  { operation: "GET /api/v1/webhooks", scopes: null, status: 401 },
  { operation: "GET /api/v1/webhooks", scopes: ["eligibility:read"], status: 403 },
  { operation: "POST /api/v1/webhooks", body: hook, scopes: ["webhooks:write"], status: 201 },
  {
    operation: "POST /api/v1/webhooks",
    body: { ...hook, url: "ftp://crm.example.com" },
    scopes: ["webhooks:write"],
    status: 400,
  },
  { operation: "POST /api/v1/webhooks", body: hook, scopes: null, status: 401 },
  { operation: "POST /api/v1/webhooks", body: hook, scopes: ["eligibility:read"], status: 403 },
  {
    operation: "POST /api/v1/webhooks",
    raw: { type: "application/x-www-form-urlencoded", text: "url=x" },
    scopes: ["webhooks:write"],
    status: 415,
  },
  {
    operation: "POST /api/v1/vocabulary/check",
    body: { text: "It streamlined our processes, with a seamless integration." },
    scopes: ["vocabulary:read"],
    status: 200,
  },
  {
    operation: "POST /api/v1/vocabulary/check",
    body: { text: "Seamless integration.", product: "ledgerflow" },
    scopes: ["vocabulary:read"],
    status: 200,
  },
  {
    operation: "POST /api/v1/vocabulary/check",
    body: { text: "" },
    scopes: ["vocabulary:read"],
    status: 400,
  },
  {
    operation: "POST /api/v1/vocabulary/check",
    body: { text: "Seamless integration." },
    scopes: null,
    status: 401,
  },
  {
    operation: "POST /api/v1/vocabulary/check",
    body: { text: "Seamless integration." },
    scopes: ["eligibility:read"],
    status: 403,
  },
  {
    operation: "POST /api/v1/vocabulary/check",
    body: { text: "Seamless integration.", product: "no-such-product" },
    scopes: ["vocabulary:read"],
    status: 404,
  },
  {
    operation: "POST /api/v1/vocabulary/check",
    raw: { type: "text/plain", text: "Seamless integration." },
    scopes: ["vocabulary:read"],
    status: 415,
  },
  ...(
    [
      [(f: Fixtures) => f.handoffId, ["handoffs:read"], 200],
      [() => "not-a-handoff", ["handoffs:read"], 400],
      [(f: Fixtures) => f.handoffId, null, 401],
      [(f: Fixtures) => f.handoffId, ["vocabulary:read"], 403],
      [() => notAHandoff, ["handoffs:read"], 404],
    ] as const
  ).map(([id, scopes, status]): Call => ({
    operation: "GET /api/v1/handoffs/{id}",
    params: (f) => ({ id: id(f) }),
    scopes: scopes ? [...scopes] : null,
    status,
  })),
  ...(["GET", "DELETE"] as const).flatMap((method): Call[] => [
    {
      operation: `${method} /api/v1/webhooks/{id}`,
      params: (f) => ({ id: method === "GET" ? f.webhookId : f.doomedWebhookId }),
      scopes: ["webhooks:write"],
      status: method === "GET" ? 200 : 204,
    },
    {
      operation: `${method} /api/v1/webhooks/{id}`,
      params: () => ({ id: "not-a-webhook-id" }),
      scopes: ["webhooks:write"],
      status: 400,
    },
    {
      operation: `${method} /api/v1/webhooks/{id}`,
      params: (f) => ({ id: f.webhookId }),
      scopes: null,
      status: 401,
    },
    {
      operation: `${method} /api/v1/webhooks/{id}`,
      params: (f) => ({ id: f.webhookId }),
      scopes: ["eligibility:read"],
      status: 403,
    },
    {
      operation: `${method} /api/v1/webhooks/{id}`,
      params: () => ({ id: notAWebhook }),
      scopes: ["webhooks:write"],
      status: 404,
    },
  ]),
];

let server: RunningServer;
let document: OpenApiDocument;
let fixtures: Fixtures;
const tokens = new Map<string, string>();

beforeAll(async () => {
  server = await startServerWithSettledStatuses();
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
  const createWebhook = async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/webhooks`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${tokens.get("webhooks:write")}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(hook),
    });
    if (response.status !== 201)
      throw new Error(`Could not register a webhook: ${response.status}`);
    return ((await response.json()) as { id: string }).id;
  };
  fixtures = {
    webhookId: await createWebhook(),
    doomedWebhookId: await createWebhook(),
    handoffId: readDemoHandoffs(server.dataDir)[0].id,
  };
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
    const [method, template] = call.operation.split(" ");
    const params = call.params?.(fixtures) ?? {};
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (!(name in params)) throw new Error(`${call.operation} needs a value for {${name}}`);
      return encodeURIComponent(params[name]);
    });
    const where = `${method} ${path}${call.query ?? ""} as ${call.scopes?.join("+") ?? "nobody"}`;

    // The success calls are requests the document allows, so the table cannot drift from it either.
    if (call.status < 300)
      failures.push(...requestProblems({ call, params, operation, validate, where }));

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
      if (text) failures.push(`${where}: ${response.status} documents no body, but one came`);
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
  params,
  operation,
  validate,
  where,
}: {
  call: Call;
  params: Record<string, string>;
  operation: Operation;
  validate: ReturnType<typeof schemaValidator>;
  where: string;
}) {
  const problems: string[] = [];
  const sent = {
    query: new URLSearchParams(call.query ?? ""),
    path: new Map(Object.entries(params)),
  };
  for (const location of ["query", "path"] as const) {
    const documentedHere = (operation.parameters ?? []).filter((p) => p.in === location);
    for (const [name, value] of sent[location]) {
      const p = documentedHere.find((d) => d.name === name);
      if (!p) problems.push(`${where}: ${location} parameter ${name} is not documented`);
      else if (p.schema) {
        // Query and path values are text; a numeric parameter is read as the number it spells.
        const numeric = p.schema.type === "integer" || p.schema.type === "number";
        const problemsHere = validate(p.schema, numeric ? Number(value) : value);
        problems.push(...problemsHere.map((e) => `${where}: ${name} ${e}`));
      }
    }
    for (const p of documentedHere)
      if (p.required && !sent[location].has(p.name))
        problems.push(`${where}: leaves out required ${location} parameter ${p.name}`);
  }
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
