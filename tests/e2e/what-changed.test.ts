import { expect, inject, test } from "vitest";
import { browserForThisFile, demoEmail, signInCookie } from "./browser";

// rep2 has a refresh due on LedgerFlow's "Automate ingestion with rules" (revision 2, in the demo).
const baseUrl = inject("baseUrl");
const browser = browserForThisFile();

for (const javaScriptEnabled of [true, false]) {
  test(`${javaScriptEnabled ? "with" : "without"} JavaScript: a rep reads what changed as the customer reads it, with the re-take deadline and the source diff one click away`, async () => {
    const context = await browser().newContext({ javaScriptEnabled });
    const [name, value] = (await signInCookie(baseUrl, demoEmail("rep2"))).split("=");
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/products/ledgerflow/ingestion-rules`);
    await page.getByRole("link", { name: "See what changed" }).click();
    await page.waitForURL(`${baseUrl}/what-changed/ledgerflow/ingestion-rules`);

    await page.getByText(/Re-take by \d{1,2} \w{3} \d{4}/).waitFor();
    const summary = page.getByRole("region", { name: "In short" });
    await summary
      .getByRole("listitem")
      .filter({ hasText: "Some banks only release prior-day statements after 09:00 local time" })
      .waitFor();
    await summary
      .getByRole("listitem")
      .filter({ hasText: "SFTP statement delivery takes a few days for the bank to set up" })
      .waitFor();

    const article = page.getByRole("region", { name: "The module as customers read it today" });
    const added = article.locator("ins.rd-added");
    await added.filter({ hasText: "Authorisation is usually someone else's job" }).waitFor();
    await article
      .locator("del.rd-removed")
      .filter({ hasText: "The default is Daily at 06:00 in the entity's time zone." })
      .waitFor();
    const changedCell = article.locator("td.rd-cell-changed");
    expect(await changedCell.count()).toBe(1);
    await changedCell
      .locator("ins")
      .filter({ hasText: "5–10 business days, driven by your bank" })
      .waitFor();
    await changedCell.locator("del").filter({ hasText: "2–3 business days" }).waitFor();
    // Read as the customer reads it: none of the source's markup.
    const text = await article.innerText();
    expect(text).not.toMatch(/:::|<Quiz|<Choice|\| ---|\*\*Daily|revision: 2/);
    await article
      .getByText("What replaces the Monday file upload for a LedgerFlow customer?")
      .waitFor();

    const source = page.getByRole("region", { name: "Source changes" });
    expect(await source.isVisible()).toBe(false);
    await page.getByText("Source changes, line by line (for authors)").click();
    await source.waitFor();
    expect(await source.innerText()).toContain(
      ":::caution[Authorisation is usually someone else's job]",
    );
    await page.getByRole("link", { name: "Re-take this module" }).first().click();
    await page.waitForURL(`${baseUrl}/products/ledgerflow/ingestion-rules`);
    await context.close();
  });
}
