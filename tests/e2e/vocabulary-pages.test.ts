import { expect, inject, test } from "vitest";
import { browserForThisFile, demoEmail, signIn, signInCookie } from "./browser";

// Reads only: the shared server is enough.
const baseUrl = inject("baseUrl");
const browser = browserForThisFile();

test("the glossary filters as a rep types, and the same search works without JavaScript", async () => {
  const page = await browser().newPage();
  await signIn(page, baseUrl, demoEmail("rep5"));
  await page.getByRole("link", { name: /^Glossary/ }).click();
  await page.getByRole("heading", { name: "Glossary", level: 1 }).waitFor();
  for (const product of ["Calliper", "Crewline", "LedgerFlow"])
    await page.getByRole("heading", { name: product, level: 2 }).waitFor();
  const terms = page.locator(".glossary-term h3");
  const all = await terms.count();
  expect(all).toBeGreaterThanOrEqual(30);

  await page.getByLabel(/^Search terms/).pressSequentially("seamless integ");
  await expect.poll(() => terms.allTextContents()).toEqual(["CRM integration", "Hourly ERP sync"]);
  await expect.poll(() => page.getByText(/2 terms match/).count()).toBe(1);
  expect(await page.getByRole("heading", { name: "Calliper" }).count()).toBe(0);
  const sync = page.locator("#ledgerflow-hourly-erp-sync");
  expect(await sync.textContent()).toContain("Customer meets it in week 3 — Connect your ERP");
  expect(await sync.getByRole("list", { name: /Marketing phrases/ }).textContent()).toContain(
    "seamless integration",
  );

  await page.getByLabel(/^Search terms/).fill("no such words at all");
  await page.getByText(/No term matches/).waitFor();
  await page.getByLabel(/^Search terms/).fill("");
  await expect.poll(() => terms.count()).toBe(all);

  // The GET form: the server renders the filtered list itself.
  const cookie = await signInCookie(baseUrl, demoEmail("rep5"));
  const html = await (
    await fetch(`${baseUrl}/glossary?q=${encodeURIComponent("heavy lifting")}`, {
      headers: { Cookie: cookie },
    })
  ).text();
  expect(html).toContain('id="calliper-autoqa"');
  expect(html).toContain('id="crewline-suggest-only-mode"');
  expect(html).not.toContain('id="ledgerflow-ingestion-rule"');
  await page.close();
});

test("a <Term> in a module shows its definition on keyboard focus, Escape hides it, and it links to the glossary", async () => {
  const page = await browser().newPage();
  await signIn(page, baseUrl, demoEmail("rep5"));
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}/products/ledgerflow/historical-upload`);
  const term = page.getByRole("link", { name: "balance check", exact: true });
  const tipId = await term.getAttribute("aria-describedby");
  expect(tipId).toBeTruthy();
  const tip = page.locator(`[id="${tipId}"]`);
  expect(await tip.getAttribute("role")).toBe("tooltip");
  expect(await tip.isVisible()).toBe(false);

  // Tab to it from the element just before it, as a keyboard user would.
  await term.evaluate((link) => {
    const before = document.createElement("button");
    before.textContent = "start";
    link.parentElement!.before(before);
    before.focus();
  });
  await page.keyboard.press("Tab");
  expect(await term.evaluate((link) => link === document.activeElement)).toBe(true);
  await expect.poll(() => tip.isVisible()).toBe(true);
  expect(await tip.textContent()).toContain("Every line must tie to 0.00");
  expect(await tip.textContent()).toContain(
    "Customer meets it in week 1: Upload your historical data",
  );

  await page.keyboard.press("Escape");
  await expect.poll(() => tip.isVisible()).toBe(false);

  // Hover shows it too, once the pointer comes back.
  await page.mouse.move(0, 0);
  await term.hover();
  await expect.poll(() => tip.isVisible()).toBe(true);
  await page.keyboard.press("Escape");
  await expect.poll(() => tip.isVisible()).toBe(false);

  await term.click();
  await page.waitForURL(`${baseUrl}/glossary#ledgerflow-balance-check`);
  await expect
    .poll(() => page.locator(":target").getAttribute("id"))
    .toBe("ledgerflow-balance-check");
  await page.close();
});

test("the translation check marks every marketing phrase with the product term and week", async () => {
  const page = await browser().newPage();
  await signIn(page, baseUrl, demoEmail("csm"));
  await page.getByRole("link", { name: /^Translation check/ }).click();
  await page.getByRole("heading", { name: "Translation check", level: 1 }).waitFor();
  const text =
    "Hi Dana, LedgerFlow streamlined our processes overnight, and with a Seamless-Integration to NetSuite it's an effortless transformation.";
  await page.getByLabel("Text to check").fill(text);
  await page.getByLabel("Product").selectOption({ label: "LedgerFlow" });
  await page.getByRole("button", { name: "Check wording" }).click();

  const result = page.getByRole("region", { name: "Check result" });
  await result.getByRole("heading", { name: "3 marketing phrases to replace" }).waitFor();
  expect(await result.locator("mark").allTextContents()).toEqual([
    "streamlined our processes",
    "Seamless-Integration",
    "effortless transformation",
  ]);
  const advice = await result.getByRole("listitem").allTextContents();
  expect(advice[0]).toMatch(/Say Ingestion rule\s*LedgerFlow/);
  expect(advice[0]).toContain("Customer meets it in week 2 — Automate ingestion with rules");
  expect(advice[1]).toContain("Hourly ERP sync");
  expect(advice[1]).toContain("week 3 — Connect your ERP");
  expect(advice[2]).toContain("Parallel close");
  expect(advice[2]).toContain("week 4 — Run your first close in LedgerFlow");
  // The text stays in the box to edit, and the choice of product is kept.
  expect(await page.getByLabel("Text to check").inputValue()).toBe(text);
  expect(await page.getByLabel("Product").inputValue()).toBe("ledgerflow");

  await page.getByLabel("Text to check").fill("Ingestion rules pull bank feeds every morning.");
  await page.getByRole("button", { name: "Check wording" }).click();
  await result.getByText("No marketing phrases found.").waitFor();
  expect(await result.locator("mark").count()).toBe(0);
  await page.close();
});
