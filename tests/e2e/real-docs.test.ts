import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyDocsProducts, docsFixtures, findRealCorpora } from "../fixtures/docs/docs-folders";
import { mermaidFenceCount, mermaidFiguresIn } from "../fixtures/docs/mermaid-fences";
import { demoEmail, signInCookie } from "./browser";
import { demoCatalog } from "./content-keys";
import { startServer, type RunningServer } from "./start-server";

// Docs folders dropped in unchanged as products: the project's own fixtures always, and unedited public
// Mintlify and Docusaurus sites when ../shared/corpora is beside the clone (CI).
const corpora = findRealCorpora();
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-real-docs-"));
const databasePath = path.join(contentDir, "real-docs.db");
let server: RunningServer;
let slugs: string[] = [];

if (!corpora.present) {
  if (corpora.required) {
    test("the real-docs corpora are beside this clone", () => {
      throw new Error(corpora.message);
    });
  } else {
    console.warn(corpora.message);
  }
}

beforeAll(async () => {
  slugs = [
    ...copyDocsProducts({ contentDir, folders: docsFixtures }),
    ...(corpora.present
      ? copyDocsProducts({ contentDir, folders: corpora.folders, prefix: "real-" })
      : []),
  ];
  server = await startServer({ CONTENT_DIR: contentDir, DATABASE_PATH: databasePath });
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

test(`every page of the docs fixtures${corpora.present ? " and the real Mintlify and Docusaurus docs" : ""} renders through the server, none with a 500, every image served`, async () => {
  const headers = { Cookie: await signInCookie(server.baseUrl, demoEmail("rep1")) };
  const products = await demoCatalog(contentDir);
  expect(products.map((p) => p.slug).sort()).toEqual([...slugs].sort());
  let pages = 0;
  let diagrams = 0;
  const images = new Set<string>();
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
      const source = fs.readFileSync(
        path.join(contentDir, "products", product.slug, module.path),
        "utf8",
      );
      const figures = mermaidFiguresIn(html);
      expect(figures.drawn + figures.browser + figures.fallbacks, `${module.path} mermaid`).toBe(
        mermaidFenceCount(source),
      );
      diagrams += figures.drawn;
      for (const src of html.matchAll(/\ssrc="(\/assets\/[^"]+)"/g))
        if (src[1].startsWith(`/assets/${product.slug}/`))
          images.add(src[1].replace(/&amp;/g, "&"));
      pages++;
    }
  }
  expect(pages).toBe(products.reduce((n, p) => n + p.modules.length, 0));
  expect(pages).toBeGreaterThan(corpora.present ? 100 : 10);
  for (const image of images) {
    const response = await fetch(`${server.baseUrl}${image}`, { headers });
    expect(response.status, image).toBe(200);
    expect(response.headers.get("content-type"), image).toMatch(/^image\//);
  }
  expect(images.size).toBeGreaterThanOrEqual(7);
  // The docs fixtures' flowchart and sequence diagram, and Mintlify's own Mermaid page.
  expect(diagrams).toBeGreaterThanOrEqual(corpora.present ? 3 : 2);
});

test("restarting the server recompiles nothing that did not change", async () => {
  expect(server.output()).toMatch(/[1-9]\d* compiled, 0 from cache/);
  await server.stop();
  server = await startServer({ CONTENT_DIR: contentDir, DATABASE_PATH: databasePath });
  expect(server.output()).toMatch(/ 0 compiled, [1-9]\d* from cache/);
});
