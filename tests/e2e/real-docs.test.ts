import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { demoEmail, signInCookie } from "./browser";
import { demoCatalog } from "./content-keys";
import { startServer, type RunningServer } from "./start-server";

// Unedited public docs (Mintlify and Docusaurus sites), dropped in as products.
const corpora = ["mintlify", "docusaurus"];
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-real-docs-"));
const databasePath = path.join(contentDir, "real-docs.db");
let server: RunningServer;

beforeAll(async () => {
  for (const name of corpora) {
    fs.cpSync(path.resolve("../shared/corpora", name), path.join(contentDir, "products", name), {
      recursive: true,
    });
  }
  server = await startServer({ CONTENT_DIR: contentDir, DATABASE_PATH: databasePath });
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

test("every page of real Mintlify and Docusaurus docs renders through the server, none with a 500", async () => {
  const headers = { Cookie: await signInCookie(server.baseUrl, demoEmail("rep1")) };
  const products = await demoCatalog(contentDir);
  expect(products.map((p) => p.slug).sort()).toEqual([...corpora].sort());
  let pages = 0;
  for (const product of products) {
    expect((await fetch(`${server.baseUrl}/products/${product.slug}`, { headers })).status).toBe(
      200,
    );
    for (const module of product.modules) {
      const response = await fetch(`${server.baseUrl}/products/${product.slug}/${module.slug}`, {
        headers,
      });
      const html = await response.text();
      expect(response.status, module.path).toBe(200);
      expect(html, module.path).not.toMatch(
        /This module is unavailable right now|Something went wrong/,
      );
      pages++;
    }
  }
  expect(pages).toBe(products.reduce((n, p) => n + p.modules.length, 0));
  expect(pages).toBeGreaterThan(100);
});

test("restarting the server recompiles nothing that did not change", async () => {
  expect(server.output()).toMatch(/[1-9]\d* compiled, 0 from cache/);
  await server.stop();
  server = await startServer({ CONTENT_DIR: contentDir, DATABASE_PATH: databasePath });
  expect(server.output()).toMatch(/ 0 compiled, [1-9]\d* from cache/);
});
