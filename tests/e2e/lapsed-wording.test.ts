import { expect, inject, test } from "vitest";
import { browserForThisFile, demoEmail, signInCookie } from "./browser";

// rep4 lapsed on Crewline in the demo: its dispatch-board module changed 12 days ago, grace 7 days.
const baseUrl = inject("baseUrl");
const browser = browserForThisFile();

for (const javaScriptEnabled of [true, false]) {
  test(`${javaScriptEnabled ? "with" : "without"} JavaScript: a lapsed certificate reads as not valid, with when and why, on the product, certificate and verify pages`, async () => {
    const context = await browser().newContext({ javaScriptEnabled });
    const [name, value] = (await signInCookie(baseUrl, demoEmail("rep4"))).split("=");
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();

    await page.goto(`${baseUrl}/products/crewline`);
    const header = page.locator("header.page-header");
    await header.getByText(/Not valid since \d{1,2} \w{3} \d{4}: a module changed/).waitFor();
    expect(await header.innerText()).not.toMatch(/valid until/i);

    await page.goto(`${baseUrl}/certificates`);
    const card = page.getByRole("listitem").filter({ hasText: "Crewline" });
    expect(await card.innerText()).not.toMatch(/expires|valid until/i);
    await card.getByRole("link", { name: "Crewline" }).click();
    await page.waitForURL(/\/certificates\/[a-z2-7]+$/);
    const verifyHref = await page.getByRole("link", { name: /\/verify\// }).getAttribute("href");

    const signedOut = await browser().newContext({ javaScriptEnabled });
    const publicPage = await signedOut.newPage();
    // With JavaScript the URL changes before the certificate page replaces the list, whose verify
    // links are relative: either way, the same verify page on the test server.
    await publicPage.goto(new URL(new URL(verifyHref!, baseUrl).pathname, baseUrl).href);
    await publicPage.getByText("✗ Not valid: Lapsed").waitFor();
    const facts = publicPage.locator(".certificate-facts");
    await facts.getByText("Lapsed on").waitFor();
    await facts.getByText("Term ends").waitFor();
    const text = await publicPage.locator(".certificate").innerText();
    expect(text).not.toMatch(/expires|valid until/i);
    expect(text).toMatch(
      /Not valid since \d{1,2} \w{3} \d{4}: a module changed and was not re-taken in time/,
    );
    await signedOut.close();
    await context.close();
  });
}
