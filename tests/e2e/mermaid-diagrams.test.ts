import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { describeViolations, seriousViolations } from "./axe";
import { docsFixtureSiteForThisFile } from "./docs-fixture-site";
import { watchedPage } from "./watched-page";

// The docs fixtures as products: Mintlify's page has a flowchart, Docusaurus's a sequence diagram.
const site = docsFixtureSiteForThisFile();
const { repContext, open } = site;
const flowchartPage = () => site.page("mintlify/first-shipment.mdx");
const sequencePage = () => site.page("docusaurus/docs/scheduling/02-shift-swaps.md");

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
