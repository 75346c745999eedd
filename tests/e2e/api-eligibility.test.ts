import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { batchResponse, eligibility } from "~/api/eligibility-schemas";
import { createApiToken } from "./api-token";
import { demoEmail, signInCookie } from "./browser";
import { startServer, type RunningServer } from "./start-server";

// Its own server over a copy of the demo content, whose revision the test bumps.
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-api-content-"));
fs.cpSync("content", contentDir, { recursive: true });
let server: RunningServer;
let token: string;
beforeAll(async () => {
  server = await startServer({ CONTENT_DIR: contentDir });
  token = createApiToken(server, ["eligibility:read"]);
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

function check(rep: string, product: string, bearer = token) {
  return fetch(
    `${server.baseUrl}/api/v1/eligibility?${new URLSearchParams({ rep: demoEmail(rep), product })}`,
    { headers: { Authorization: `Bearer ${bearer}` } },
  );
}

async function verdict(rep: string, product: string) {
  const response = await check(rep, product);
  expect(response.status).toBe(200);
  return eligibility.parse(await response.json());
}

/** The status pill the rep sees on the product's page. */
async function pagePill(rep: string, product: string) {
  const cookie = await signInCookie(server.baseUrl, demoEmail(rep));
  const html = await (
    await fetch(`${server.baseUrl}/products/${product}`, { headers: { Cookie: cookie } })
  ).text();
  return html.match(/class="pill[^"]*"[^>]*>([^<]+)</)?.[1];
}

test("the API gives the app's verdict: certified, refresh due within grace, lapsed after it", async () => {
  const certified = await verdict("rep1", "ledgerflow");
  expect(certified).toMatchObject({ eligible: true, status: "certified", refreshDueModules: [] });
  expect(certified.verifyUrl).toMatch(/\/verify\/[a-z2-7]+$/);
  expect(await pagePill("rep1", "ledgerflow")).toBe("Certified");

  const due = await verdict("rep2", "ledgerflow");
  expect(due).toMatchObject({ eligible: true, status: "refresh_due" });
  expect(due.refreshDueModules.map((m) => m.slug)).toEqual(["ingestion-rules"]);
  expect(await pagePill("rep2", "ledgerflow")).toBe("Refresh due");

  const lapsed = await verdict("rep4", "crewline");
  expect(lapsed).toMatchObject({ eligible: false, status: "lapsed" });
  expect(await pagePill("rep4", "crewline")).toBe("Lapsed");

  const fresh = await verdict("rep5", "ledgerflow");
  expect(fresh).toMatchObject({ eligible: false, status: "not_started", verifyUrl: null });
  expect(fresh.missingModules.length).toBeGreaterThan(0);

  // A revision bump moves the certified rep to refresh due for that module only, still eligible.
  const file = path.join(contentDir, "products/ledgerflow/kickoff.mdx");
  const source = fs.readFileSync(file, "utf8");
  fs.writeFileSync(
    file,
    /^revision:/m.test(source)
      ? source.replace(/^revision: *(\d+)/m, (_m, n: string) => `revision: ${Number(n) + 1}`)
      : source.replace(/^---\n/, "---\nrevision: 2\n"),
  );
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const bumped = await verdict("rep1", "ledgerflow");
  expect(bumped).toMatchObject({ eligible: true, status: "refresh_due" });
  expect(bumped.refreshDueModules.map((m) => m.slug)).toEqual(["kickoff"]);
  expect(await pagePill("rep1", "ledgerflow")).toBe("Refresh due");
});

test("a batch answers every check in order, unknown reps and products included", async () => {
  const checks = [
    { rep: demoEmail("rep1"), product: "crewline" },
    { rep: demoEmail("rep4"), product: "crewline" },
    { rep: demoEmail("nobody"), product: "crewline" },
    { rep: demoEmail("rep1"), product: "no-such-product" },
  ];
  const response = await fetch(`${server.baseUrl}/api/v1/eligibility/batch`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ checks }),
  });
  expect(response.status).toBe(200);
  const { results } = batchResponse.parse(await response.json());
  expect(results.map((r) => [r.rep, r.product])).toEqual(checks.map((c) => [c.rep, c.product]));
  expect(results.map((r) => ("error" in r ? "error" : r.eligible))).toEqual([
    true,
    false,
    "error",
    "error",
  ]);
});

test("missing, wrong and out-of-scope tokens get 401/403 JSON; bad input gets 400 with a message", async () => {
  const noToken = await fetch(`${server.baseUrl}/api/v1/eligibility?rep=x&product=y`);
  expect(noToken.status).toBe(401);
  expect(await noToken.json()).toEqual({ error: expect.stringMatching(/Bearer/) });
  expect((await check("rep1", "ledgerflow", `${token}x`)).status).toBe(401);
  const peopleOnly = createApiToken(server, ["people:read"]);
  const outOfScope = await check("rep1", "ledgerflow", peopleOnly);
  expect(outOfScope.status).toBe(403);
  expect(await outOfScope.json()).toEqual({ error: expect.stringContaining("eligibility:read") });

  const get = (query: string) =>
    fetch(`${server.baseUrl}/api/v1/eligibility?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  for (const [query, message] of [
    ["rep=not-an-email&product=ledgerflow", /`rep` must be an email address/],
    ["rep=rep1%40demo.firsthand.test&product=Led%20ger", /`product` must be a product slug/],
    ["rep=rep1%40demo.firsthand.test&product=ledgerflow&extra=1", /Unknown field: extra/],
    ["product=ledgerflow", /`rep`/],
  ] as const) {
    const response = await get(query);
    expect(response.status, query).toBe(400);
    expect((await response.json()).error, query).toMatch(message);
  }
  expect((await get("rep=nobody%40demo.firsthand.test&product=ledgerflow")).status).toBe(404);

  const batch = (body: string, type = "application/json") =>
    fetch(`${server.baseUrl}/api/v1/eligibility/batch`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": type },
      body,
    });
  expect((await batch("{")).status).toBe(400);
  expect((await batch("checks=1", "application/x-www-form-urlencoded")).status).toBe(415);
  const tooMany = Array.from({ length: 1001 }, () => ({ rep: demoEmail("rep1"), product: "x" }));
  const oversize = await batch(JSON.stringify({ checks: tooMany }));
  expect(oversize.status).toBe(400);
  expect((await oversize.json()).error).toMatch(/at most 1,000/);
});

test("the OpenAPI document is generated from the request schemas and describes both endpoints", async () => {
  const document = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toEqual(
    expect.arrayContaining(["/api/v1/eligibility", "/api/v1/eligibility/batch"]),
  );
  expect(
    document.paths["/api/v1/eligibility"].get.parameters.map((p: { name: string }) => p.name),
  ).toEqual(["rep", "product"]);
  expect(document.components.schemas.Eligibility.required).toEqual(
    expect.arrayContaining(["rep", "product", "eligible", "status", "verifyUrl"]),
  );
});

test("an admin creates a token in the app, sees it once, every use is logged, and revoking it ends it", async () => {
  const admin = await signInCookie(server.baseUrl, demoEmail("admin"));
  const post = (body: URLSearchParams) =>
    fetch(`${server.baseUrl}/admin/tokens`, { method: "POST", headers: { Cookie: admin }, body });
  const created = await (
    await post(
      new URLSearchParams([
        ["intent", "create-token"],
        ["name", "Salesforce"],
        ["scope", "eligibility:read"],
      ]),
    )
  ).text();
  const secret = created.match(/fh_[a-z2-7]+\.[a-z2-7]+/)?.[0];
  expect(secret).toBeTruthy();
  const listing = await (
    await fetch(`${server.baseUrl}/admin/tokens`, { headers: { Cookie: admin } })
  ).text();
  expect(listing).toContain("Salesforce");
  expect(listing).not.toContain(secret!);

  expect((await check("rep1", "ledgerflow", secret)).status).toBe(200);
  expect((await check("nobody", "ledgerflow", secret)).status).toBe(404);
  const log = await (
    await fetch(`${server.baseUrl}/admin/tokens`, { headers: { Cookie: admin } })
  ).text();
  expect(log.replaceAll("<!-- -->", "")).toMatch(
    /Salesforce<\/td><td><code>GET \/api\/v1\/eligibility<\/code><\/td><td>404/,
  );

  const tokenId = listing.match(/name="tokenId" value="([^"]+)"/)?.[1];
  expect(
    (await post(new URLSearchParams({ intent: "revoke-token", tokenId: tokenId! }))).status,
  ).toBe(200);
  expect((await check("rep1", "ledgerflow", secret)).status).toBe(401);
});
