import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { copyDocsProducts, docsFixtures } from "../fixtures/docs/docs-folders";
import { browserForThisFile, signedInContext } from "./browser";
import { demoCatalog } from "./content-keys";
import { startServer, type RunningServer } from "./start-server";

/**
 * The docs fixtures served as products by this test file's own server, and rep1's view of them:
 * `page("mintlify/first-shipment.mdx")` is that module's URL.
 */
export function docsFixtureSiteForThisFile() {
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-docs-site-"));
  const browser = browserForThisFile();
  let server: RunningServer;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    copyDocsProducts({ contentDir, folders: docsFixtures });
    server = await startServer({ CONTENT_DIR: contentDir });
    for (const product of await demoCatalog(contentDir))
      for (const module of product.modules)
        pages[`${product.slug}/${module.path}`] = `/products/${product.slug}/${module.slug}`;
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(contentDir, { recursive: true, force: true });
  });

  return {
    baseUrl: () => server.baseUrl,
    page: (modulePath: string) => pages[modulePath],
    repContext: (options: { javaScriptEnabled: boolean; width?: number }) =>
      signedInContext(browser(), server.baseUrl, "rep1", {
        javaScriptEnabled: options.javaScriptEnabled,
        viewport: { width: options.width ?? 1366, height: 900 },
      }),
    /** Opens a module and waits for its heading. */
    async open(page: Page, url: string) {
      const response = await page.goto(`${server.baseUrl}${url}`);
      expect(response?.status(), url).toBe(200);
      await page.locator("main h1").first().waitFor();
    },
  };
}
