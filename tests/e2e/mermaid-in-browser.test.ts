import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { describeViolations, seriousViolations } from "./axe";
import { docsFixtureSiteForThisFile } from "./docs-fixture-site";
import { watchedPage } from "./watched-page";

// Nextra's alert-volume page has a pie, a gantt and a pie with a syntax error: kinds beautiful-mermaid
// does not draw, so the page draws them with mermaid.
const site = docsFixtureSiteForThisFile();
const { repContext, open } = site;
const volumePage = () => site.page("nextra/alerts/alert-volume.mdx");
const flowchartPage = () => site.page("mintlify/first-shipment.mdx");

const figures = (page: Page) => page.locator('figure.fh-diagram[data-drawn-by="browser"]');
const drawings = (page: Page) => page.locator('figure[data-drawn="true"] svg[role="img"]');

test("with JavaScript the pie and the gantt are drawn as named SVGs, the broken one says why, with no console error or CSP violation", async () => {
  const context = await repContext({ javaScriptEnabled: true });
  const { page, problems } = await watchedPage(context);
  const scripts: string[] = [];
  page.on("request", (request) => scripts.push(request.url()));
  await open(page, volumePage());
  await expect.poll(() => drawings(page).count(), { timeout: 20_000 }).toBe(2);

  const [pie, gantt, broken] = [0, 1, 2].map((n) => figures(page).nth(n));
  const pieSvg = pie.locator("svg");
  expect(await pieSvg.getAttribute("aria-label")).toBe("Pages last week, by service");
  for (const label of ["Payments", "Search", "Checkout", "Everything else"])
    expect(await pieSvg.locator("text", { hasText: label }).count(), label).toBeGreaterThan(0);
  expect((await pieSvg.boundingBox())?.height ?? 0).toBeGreaterThan(150);
  // mermaid's <style> applied: the page's CSP let it in by its nonce.
  expect(
    await pieSvg.locator(".pieTitleText").evaluate((title) => getComputedStyle(title).fontSize),
  ).toBe("25px");
  expect(await pie.locator(".fh-diagram__note").count()).toBe(0);
  expect(await pie.locator("figcaption", { hasText: "Pages last week, by service" }).count()).toBe(
    1,
  );
  const source = pie.locator("details.fh-diagram__source");
  expect(await source.getAttribute("open")).toBeNull();
  expect(await source.locator("pre").isVisible()).toBe(false);
  await source.locator("summary", { hasText: "Diagram source" }).click();
  expect(await source.locator("pre").innerText()).toContain('"Payments" : 42');

  expect(await gantt.locator("svg").getAttribute("aria-label")).toBe(
    "Who holds the pager in March",
  );
  expect(await gantt.locator("svg text", { hasText: "Amara" }).count()).toBeGreaterThan(0);
  expect(await gantt.locator('[role="region"]').getAttribute("tabindex")).toBe("0");

  expect(await broken.locator("svg").count()).toBe(0);
  expect(await broken.locator(".fh-diagram__note").innerText()).toMatch(
    /^This diagram has an error: \S/,
  );
  expect(await broken.locator("pre").innerText()).toContain('"Payments" 120');
  expect(await page.locator("body").innerText()).not.toMatch(
    /Syntax error in text|could not be drawn/,
  );

  expect(scripts.some((url) => /\/draw-mermaid-[\w-]+\.js$/.test(url))).toBe(true);
  expect(describeViolations(volumePage(), await seriousViolations(page))).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

test("without JavaScript each figure shows its source and says it is drawn when JavaScript runs", async () => {
  const context = await repContext({ javaScriptEnabled: false });
  const { page, problems } = await watchedPage(context);
  await open(page, volumePage());
  expect(await figures(page).count()).toBe(3);
  for (const n of [0, 1, 2]) {
    const figure = figures(page).nth(n);
    expect(await figure.locator(".fh-diagram__note").innerText()).toBe(
      "This diagram is drawn when JavaScript runs; its source is below.",
    );
    expect(await figure.locator("pre").isVisible()).toBe(true);
  }
  expect(await figures(page).nth(0).locator("pre").innerText()).toContain(
    "pie title Pages last week",
  );
  expect(await figures(page).nth(1).locator("pre").innerText()).toContain("gantt");
  expect(await page.locator("body").innerText()).not.toContain("could not be drawn");
  expect(await page.locator("svg[role=img]").count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});

test("a page with no diagram for the browser never fetches mermaid", async () => {
  const context = await repContext({ javaScriptEnabled: true });
  const { page, problems } = await watchedPage(context);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await open(page, flowchartPage());
  await page.waitForLoadState("networkidle");
  expect(requests.filter((url) => /draw-mermaid|ganttDiagram|pieDiagram/.test(url))).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

test("on a 390 px phone the gantt scrolls inside its canvas, not the page", async () => {
  const context = await repContext({ javaScriptEnabled: true, width: 390 });
  const { page, problems } = await watchedPage(context);
  await open(page, volumePage());
  await expect.poll(() => drawings(page).count(), { timeout: 20_000 }).toBe(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const n of [0, 1]) {
    const canvas = figures(page).nth(n).locator(".fh-diagram__canvas");
    const box = await canvas.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(390);
  }
  const gantt = figures(page).nth(1).locator(".fh-diagram__canvas");
  const sizes = await gantt.evaluate((element) => ({
    scroll: element.scrollWidth,
    client: element.clientWidth,
  }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  await gantt.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => gantt.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  await context.close();
});

test("reached by a client-side navigation, the page draws its diagrams too", async () => {
  const context = await repContext({ javaScriptEnabled: true });
  const { page, problems } = await watchedPage(context);
  await open(page, site.page("nextra/alerts/handover.mdx"));
  await page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter
        ?.state.initialized === true,
  );
  await page.getByRole("link", { name: /Alert volume/ }).click();
  await page.waitForURL(`${site.baseUrl()}${volumePage()}`);
  await expect.poll(() => drawings(page).count(), { timeout: 20_000 }).toBe(2);
  expect(problems).toEqual([]);
  await context.close();
});
