import fs from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { browserForThisFile, signIn, signInCookie } from "./browser";
import { generatedOrganisationForThisFile } from "./generated-organisation";

// The change-impact page for an organisation with more certified reps than a page should list:
// a generated one, served as `npm run bench` serves it.
const organisation = generatedOrganisationForThisFile([
  "--reps",
  "400",
  "--products",
  "2",
  "--modules-per-product",
  "4",
]);
const browser = browserForThisFile();
const product = () => organisation().products[0];
const server = {
  get baseUrl() {
    return organisation().server.baseUrl;
  },
};

const emailsIn = (rows: string[]) => rows.map((r) => r.match(/rep\d+@bench\.firsthand\.test/)?.[0]);

async function downloadCsv(page: Page, linkName: RegExp) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: linkName }).click(),
  ]);
  const records: string[][] = parse(await readFile((await download.path())!, "utf8"), {
    bom: true,
  });
  return { name: download.suggestedFilename(), header: records[0], rows: records.slice(1) };
}

test("a bump's table lists the first 50 reps it moves, and its CSV holds every one, in the same order", async () => {
  const page = await browser().newPage();
  await signIn(page, server.baseUrl, "admin@bench.firsthand.test");
  await page.waitForURL(`${server.baseUrl}/`);
  await page.goto(`${server.baseUrl}/content/impact?product=${product()}&bump=workspace-setup`);
  const table = page.getByRole("table", { name: /Raising “Workspace setup” to revision 2/ });
  const caption = await table.locator("caption").innerText();
  const total = Number(caption.match(/would touch (\d+) certification/)?.[1]);
  expect(total).toBeGreaterThan(50);
  const shown = emailsIn(await table.locator("tbody tr").allInnerTexts());
  expect(shown).toHaveLength(50);
  expect(await page.getByText(`Showing the first 50 of ${total}.`).count()).toBe(1);

  const csv = await downloadCsv(page, new RegExp(`Download all ${total} as CSV`));
  expect(csv.name).toMatch(
    new RegExp(`^firsthand-impact-${product()}-bump-workspace-setup-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
  );
  expect(csv.header).toEqual([
    "Rep",
    "Email",
    "Now",
    "After",
    "Lapses",
    "Lapses (before this change)",
    "To re-take",
  ]);
  expect(csv.rows).toHaveLength(total);
  expect(new Set(csv.rows.map((r) => r[1])).size).toBe(total);
  expect(csv.rows.slice(0, 50).map((r) => r[1])).toEqual(shown);
  expect(csv.rows.every((r) => r[3] === "Refresh due" || r[3] === "Lapsed")).toBe(true);
  expect(csv.rows.every((r) => r[6].includes("Workspace setup"))).toBe(true);

  // The lists follow the database: a rep whose account is disabled leaves them at once.
  const sqlite = new Database(organisation().databasePath, { readonly: true });
  const { id } = sqlite.prepare("SELECT id FROM users WHERE email = ?").get(shown[0]) as {
    id: string;
  };
  sqlite.close();
  const admin = await signInCookie(server.baseUrl, "admin@bench.firsthand.test");
  const disabled = await fetch(`${server.baseUrl}/admin/users`, {
    method: "POST",
    headers: {
      Cookie: admin,
      Origin: server.baseUrl,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ intent: "disable-user", userId: id }),
  });
  expect(disabled.status).toBe(200);
  await page.reload();
  expect(await table.locator("caption").innerText()).toContain(`would touch ${total - 1} `);
  expect(emailsIn(await table.locator("tbody tr").allInnerTexts())).toEqual(
    csv.rows.slice(1, 51).map((r) => r[1]),
  );
  await page.close();
});

test("the all-products view counts what waits to go live, as the product's own view lists it", async () => {
  const page = await browser().newPage();
  await signIn(page, server.baseUrl, "admin@bench.firsthand.test");
  await page.waitForURL(`${server.baseUrl}/`);
  await page.goto(`${server.baseUrl}/content/impact`);
  const summary = page.getByRole("table", { name: "Change impact per product" });
  const row = () =>
    summary.locator("tbody tr", {
      has: page.locator(`a[href="/content/impact?product=${product()}"]`),
    });
  expect(await row().innerText()).toMatch(/—\s+—$/);
  const certified = Number((await row().locator("td").nth(1).innerText()).replace(/,/g, ""));
  expect(certified).toBeGreaterThan(50);

  // An author raises a revision in an edit that does not compile: it waits until it does.
  const file = path.join(organisation().contentDir, "products", product(), "workspace-setup.mdx");
  const source = fs.readFileSync(file, "utf8");
  expect(source).toMatch(/^revision: 1$/m);
  fs.writeFileSync(
    file,
    `${source.replace(/^revision: 1$/m, "revision: 2")}\nAsk the <Term>controller.\n`,
  );
  // Content changes are picked up at most once a second.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await page.reload();
  expect(await row().locator("td").nth(2).innerText()).toBe("Workspace setup");
  const moves = Number((await row().locator("td").nth(3).innerText()).replace(/,/g, ""));
  expect(moves).toBeGreaterThan(50);
  expect(moves).toBeLessThanOrEqual(certified);

  await row().getByRole("link").click();
  const waiting = page.getByRole("table", { name: /Certifications this moves when it goes live/ });
  expect(await waiting.locator("caption").innerText()).toContain(`(${moves})`);
  expect(await waiting.locator("tbody tr").count()).toBe(50);
  const csv = await downloadCsv(page, new RegExp(`Download all ${moves} as CSV`));
  expect(csv.rows).toHaveLength(moves);
  expect(csv.rows.slice(0, 50).map((r) => r[1])).toEqual(
    emailsIn(await waiting.locator("tbody tr").allInnerTexts()),
  );
  await page.close();
});
