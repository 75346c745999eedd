import { beforeAll, expect, test } from "vitest";
import { webhook, webhookList } from "~/api/webhook-schemas";
import { createApiToken } from "./api-token";
import { serverForThisFile } from "./server-for-this-file";

const server = serverForThisFile();
let token: string;
beforeAll(async () => {
  token = createApiToken(server, ["webhooks:write"]);
});

const call = (method: string, path: string, body?: unknown, bearer = token) =>
  fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });

const valid = {
  url: "https://crm.example.test/hooks/firsthand",
  secret: "whsec_0123456789abcdef",
  events: ["certification.issued", "certification.lapsed"],
};

test("register, list, read and delete an endpoint; its secret is never given back", async () => {
  const created = await call("POST", "/api/v1/webhooks", valid);
  expect(created.status).toBe(201);
  const row = webhook.parse(await created.json());
  expect(row).toMatchObject({ url: valid.url, events: valid.events });

  const listed = webhookList.parse(await (await call("GET", "/api/v1/webhooks")).json());
  expect(listed.data.map((w) => w.id)).toContain(row.id);
  const one = await call("GET", `/api/v1/webhooks/${row.id}`);
  expect(one.status).toBe(200);
  const text = await one.text();
  expect(text).not.toContain(valid.secret);

  expect((await call("DELETE", `/api/v1/webhooks/${row.id}`)).status).toBe(204);
  expect((await call("GET", `/api/v1/webhooks/${row.id}`)).status).toBe(404);
  expect((await call("DELETE", `/api/v1/webhooks/${row.id}`)).status).toBe(404);
});

test("bad registrations get 400 with a message naming the field; nothing is saved", async () => {
  const cases: [unknown, RegExp][] = [
    [{ ...valid, url: "not a url" }, /`url` must be a URL/],
    [{ ...valid, url: "ftp://crm.example.test/x" }, /`url` must be an http\(s\) URL/],
    [{ ...valid, url: "https://user:pw@crm.example.test/x" }, /`url` must not carry a user name/],
    [{ ...valid, secret: "short" }, /`secret` must be at least 16 characters/],
    [{ ...valid, events: [] }, /`events` must name at least one event/],
    [{ ...valid, events: ["certification.deleted"] }, /`events.0`/],
    [{ ...valid, colour: "blue" }, /Unknown field: colour/],
    ["{not json", /not valid JSON/],
  ];
  for (const [body, message] of cases) {
    const response = await call("POST", "/api/v1/webhooks", body);
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect((await response.json()).error).toMatch(message);
  }
  expect((await call("GET", "/api/v1/webhooks/not-an-id")).status).toBe(400);
  const listed = webhookList.parse(await (await call("GET", "/api/v1/webhooks")).json());
  expect(listed.data).toHaveLength(0);
});

test("without the webhooks:write scope the endpoints answer 403", async () => {
  const readOnly = createApiToken(server, ["eligibility:read"]);
  const response = await call("POST", "/api/v1/webhooks", valid, readOnly);
  expect(response.status).toBe(403);
  expect((await response.json()).error).toContain("webhooks:write");
  expect((await call("GET", "/api/v1/webhooks", undefined, readOnly)).status).toBe(403);
});
