import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { writeTree } from "~/content/__fixtures__/write-tree";
import { browserForThisFile, demoEmail, signIn, signInCookie } from "./browser";
import { startServer, type RunningServer } from "./start-server";

// A product whose modules try to show the server's database path and files to reps.
const packageJsonLine = '"content:check": "tsx scripts/content-check.ts"';
const contentDir = writeTree({
  "products/guarded/product.yml":
    "name: Guarded\nsummary: Modules that must not reach the server.\n",
  "products/guarded/01-clean.mdx":
    "# Clean module\n\nThe review process has three steps: `process.env` is only text here.\n",
  "products/guarded/02-leak.mdx": [
    "# Leaky module",
    "",
    "Database: {process.env.DATABASE_PATH}",
    "",
    "{process.getBuiltinModule('fs').readFileSync('package.json','utf8')}",
    "",
  ].join("\n"),
  "products/guarded/03-snippet.mdx":
    "import { Env } from './snippets/env.jsx'\n\n# Snippet module\n\n<Env />\n",
  "products/guarded/snippets/env.jsx":
    "export const Env = () => <pre>{[].map.constructor('return process')().env.DATABASE_PATH}</pre>\n",
});
const getBrowser = browserForThisFile();
let server: RunningServer;
let databasePath: string;

beforeAll(async () => {
  server = await startServer({ CONTENT_DIR: contentDir });
  databasePath = path.join(server.dataDir, "e2e.db");
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

async function modulePage(slug: string, cookie: string) {
  const response = await fetch(`${server.baseUrl}/products/guarded/${slug}`, {
    headers: { Cookie: cookie },
  });
  return { status: response.status, html: await response.text() };
}

test("a rep sees the clean module, and the leaky ones only as unavailable, without the server's secrets", async () => {
  const page = await getBrowser().newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await signIn(page, server.baseUrl, demoEmail("rep5"));
  await page.waitForURL(`${server.baseUrl}/`);

  await page.goto(`${server.baseUrl}/products/guarded/clean`);
  await page.getByText("The review process has three steps").waitFor();
  await page.locator("code", { hasText: "process.env" }).waitFor();

  for (const slug of ["leak", "snippet"]) {
    await page.goto(`${server.baseUrl}/products/guarded/${slug}`);
    await page.getByText("This module is unavailable right now").waitFor();
    const text = await page.locator("body").innerText();
    expect(text, slug).not.toContain(databasePath);
    expect(text, slug).not.toContain(packageJsonLine);
  }
  expect(pageErrors).toEqual([]);
  await page.close();

  // The HTML and loader data the server sends hold none of it either.
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep6"));
  for (const slug of ["leak", "snippet"]) {
    const { status, html } = await modulePage(slug, cookie);
    expect(status, slug).toBe(200);
    expect(html, slug).toContain("This module is unavailable right now");
    expect(html, slug).not.toContain(databasePath);
    expect(html, slug).not.toContain(server.dataDir);
    expect(html, slug).not.toContain("content:check");
  }
});

test("an edit that adds server access keeps the last good version on the page", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep7"));
  const file = path.join(contentDir, "products/guarded/01-clean.mdx");
  fs.appendFileSync(file, "\nNow: {globalThis.process.env.DATABASE_PATH}\n");
  const { status, html } = await modulePage("clean", cookie);
  expect(status).toBe(200);
  expect(html).toContain("The review process has three steps");
  expect(html).not.toContain("Now:");
  expect(html).not.toContain(databasePath);
});
