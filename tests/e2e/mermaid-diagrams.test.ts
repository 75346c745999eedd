import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyDocsProducts, docsFixtures } from "../fixtures/docs/docs-folders";
import { describeViolations, seriousViolations } from "./axe";
import { browserForThisFile, signedInContext } from "./browser";
import { demoCatalog } from "./content-keys";
import { startServer, type RunningServer } from "./start-server";
import { watchedPage } from "./watched-page";

// The docs fixtures as products: Mintlify's page has a flowchart, Docusaurus's a sequence diagram.
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-mermaid-"));
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

const flowchartPage = () => pages["mintlify/first-shipment.mdx"];
const sequencePage = () => pages["docusaurus/docs/scheduling/02-shift-swaps.md"];

function repContext(options: { javaScriptEnabled: boolean; width?: number }) {
  return signedInContext(browser(), server.baseUrl, "rep1", {
    javaScriptEnabled: options.javaScriptEnabled,
    viewport: { width: options.width ?? 1366, height: 900 },
  });
}

async function open(page: Page, url: string) {
  const response = await page.goto(`${server.baseUrl}${url}`);
  expect(response?.status(), url).toBe(200);
  await page.locator("main h1").first().waitFor();
}

const diagram = (page: Page) => page.locator('figure.fh-diagram svg[role="img"]');

test("a mermaid fence shows as an SVG diagram with JavaScript on, with no console error or CSP violation", async () => {
  const context = await repContext({ javaScriptEnabled: true });
  const { page, problems } = await watchedPage(context);
  for (const [url, label] of [
    [flowchartPage(), "Print label"],
    [sequencePage(), "Offers the shift"],
  ]) {
    await open(page, url);
    await page.waitForFunction(
      () =>
        (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter
          ?.state.initialized === true,
    );
    await expect.poll(() => diagram(page).count()).toBe(1);
    expect(await diagram(page).isVisible(), url).toBe(true);
    expect((await diagram(page).boundingBox())?.height ?? 0, url).toBeGreaterThan(100);
    expect(await diagram(page).locator("text", { hasText: label }).count(), url).toBe(1);
    expect(await page.locator("style").count(), url).toBe(0);
    expect(describeViolations(url, await seriousViolations(page))).toEqual([]);
  }
  expect(problems).toEqual([]);
  await context.close();
});

test("the diagram is drawn without JavaScript too, its source one click away", async () => {
  const context = await repContext({ javaScriptEnabled: false });
  const { page, problems } = await watchedPage(context);
  await open(page, flowchartPage());
  expect(await diagram(page).isVisible()).toBe(true);
  expect(await diagram(page).getAttribute("aria-label")).toMatch(/^Flowchart: Open the order/);
  const source = page.locator(".fh-diagram__source");
  expect(await source.locator("pre").isVisible()).toBe(false);
  await source.locator("summary", { hasText: "Diagram source" }).click();
  expect(await source.locator("pre").innerText()).toContain("Order[Open the order] --> Label");
  expect(problems).toEqual([]);
  await context.close();
});

test("on a 390 px phone a wide diagram scrolls inside its figure, which a keyboard can focus", async () => {
  const context = await repContext({ javaScriptEnabled: true, width: 390 });
  const { page, problems } = await watchedPage(context);
  await open(page, flowchartPage());
  const canvas = page.locator(".fh-diagram__canvas");
  const sizes = await canvas.evaluate((element) => ({
    scroll: element.scrollWidth,
    client: element.clientWidth,
    page: document.documentElement.scrollWidth,
  }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  expect(sizes.page).toBeLessThanOrEqual(390);
  expect(await canvas.getAttribute("tabindex")).toBe("0");
  expect(await canvas.getAttribute("aria-label")).toBe("Flowchart");
  await canvas.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => canvas.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  await context.close();
});
