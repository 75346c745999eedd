import { execFileSync } from "node:child_process";
import { beforeAll, expect, test } from "vitest";
import { createApiToken } from "./api-token";
import { browserForThisFile, demoEmail, signIn } from "./browser";
import type { OpenApiDocument } from "./openapi-contract";
import { listOperations } from "./openapi-contract";
import { serverForThisFile } from "./server-for-this-file";

// Its own server: it creates a token and runs the page's curl examples against it.
const browser = browserForThisFile();
const server = serverForThisFile();
let document: OpenApiDocument;
beforeAll(async () => {
  document = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
});
async function openReference() {
  const page = await browser().newPage();
  await signIn(page, server.baseUrl, demoEmail("admin"));
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto(`${server.baseUrl}/admin/tokens`);
  await page.getByRole("link", { name: "API reference" }).click();
  await page.waitForURL(`${server.baseUrl}/admin/api`);
  return page;
}

test("an admin reaches the reference from the tokens page and finds every operation the document lists", async () => {
  const page = await openReference();
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toMatch(/^Firsthand API/);
  expect(await page.getByRole("link", { name: "/api/v1/openapi.json" }).getAttribute("href")).toBe(
    "/api/v1/openapi.json",
  );
  expect(await page.getByRole("link", { name: "API tokens" }).first().getAttribute("href")).toBe(
    "/admin/tokens",
  );

  const operations = listOperations(document);
  expect(operations.length).toBeGreaterThanOrEqual(3);
  for (const { key, operation } of operations) {
    const [method, path] = key.split(" ");
    const section = page.getByRole("region", { name: `${method} ${path}`, exact: true });
    expect(await section.count(), key).toBe(1);
    const text = (await section.innerText()).replace(/\s+/g, " ");
    if (operation.summary) expect(text, key).toContain(operation.summary);
    for (const scope of (operation.security ?? []).flatMap((s) => Object.values(s).flat()))
      expect(text, `${key} scope`).toContain(scope);
    for (const p of operation.parameters ?? []) expect(text, `${key} parameter`).toContain(p.name);
    for (const status of Object.keys(operation.responses))
      expect(text, `${key} ${status}`).toMatch(new RegExp(`\\b${status}\\b`));
    expect(text, key).toContain("Authorization: Bearer $FIRSTHAND_TOKEN");
  }
  // The reconcile feed's response names both shapes an item can take, with their fields.
  const feed = page.getByRole("region", { name: "GET /api/v1/certifications", exact: true });
  const feedText = await feed.innerText();
  for (const field of ["data[].updatedAt", "data[].error", "nextCursor", "certifications:read"])
    expect(feedText).toContain(field);
  await page.close();
});

test("the page's curl examples are commands that work, with a token from the environment", async () => {
  const page = await openReference();
  const token = createApiToken(server, [
    "eligibility:read",
    "certifications:read",
    "webhooks:write",
  ]);
  const run = async (name: string) => {
    const curl = await page.getByLabel(`curl example for ${name}`).innerText();
    expect(curl).not.toContain(token);
    const output = execFileSync("sh", ["-c", `${curl} -s -w '\\n%{http_code}'`], {
      env: { ...process.env, FIRSTHAND_TOKEN: token },
      encoding: "utf8",
    });
    const lines = output.trimEnd().split("\n");
    return { status: Number(lines.pop()), body: JSON.parse(lines.join("\n")) };
  };
  expect(await run("GET /api/v1/certifications")).toMatchObject({
    status: 200,
    body: { data: expect.any(Array) },
  });
  // The document's example rep is not one of the demo's, so the verdict is a well-formed 404.
  expect(await run("GET /api/v1/eligibility")).toEqual({
    status: 404,
    body: { error: "No rep has that email." },
  });
  const batch = await run("POST /api/v1/eligibility/batch");
  expect(batch.status).toBe(200);
  expect(batch.body.results).toHaveLength(1);
  await page.close();
});
