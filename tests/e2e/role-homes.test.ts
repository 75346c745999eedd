import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { browserForThisFile, signedInContext, demoEmail, signInCookie } from "./browser";
import { demoCatalog, moduleWithKeys } from "./content-keys";
import { serverForThisFile } from "./server-for-this-file";

// Each role's home answers "what needs me today?", and a rep's status moves on a real answer,
// not on a look. Its own server: the tests open modules, answer and flag.

const browser = browserForThisFile();
const server = serverForThisFile();

async function pageAs(account: string): Promise<Page> {
  const context = await signedInContext(browser(), server.baseUrl, account, {
    viewport: { width: 1280, height: 800 },
  });
  return context.newPage();
}

function progressRows(account: string, productSlug: string): number {
  const db = new Database(path.join(server.dataDir, "e2e.db"), { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT count(*) AS n FROM module_progress p JOIN users u ON u.id = p.user_id
         WHERE u.email = ? AND p.product_slug = ?`,
      )
      .get(demoEmail(account), productSlug) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

const needsToday = (page: Page) => page.getByRole("region", { name: "Needs you today" });

test("a rep who only opened a module is Not started; one answer, even a wrong one, is In progress", async () => {
  const [product] = await demoCatalog();
  const first = product.modules[0];
  const page = await pageAs("rep7");
  await page.goto(`${server.baseUrl}/products/${product.slug}/${first.slug}`);
  await expect.poll(() => progressRows("rep7", product.slug), { timeout: 10_000 }).toBe(1);

  await page.goto(`${server.baseUrl}/`);
  const card = page.getByRole("listitem", { name: product.name });
  await card.getByText("Not started", { exact: true }).waitFor();
  expect(await card.getByText("In progress").count()).toBe(0);
  expect(await card.innerText()).toMatch(
    new RegExp(`${product.modules.length} modules left · about [\\d.]+ (h|min)`),
  );
  expect(await card.getByRole("link", { name: /^Start\b/ }).getAttribute("href")).toBe(
    `/products/${product.slug}/${first.slug}`,
  );
  await card.getByText("Not yet cleared", { exact: true }).waitFor();

  const { quizKeys } = await moduleWithKeys({ productSlug: product.slug, moduleSlug: first.slug });
  const key = quizKeys[0];
  const wrong = key.choices.find((c) => !key.correct.includes(c.value))!;
  await page.goto(`${server.baseUrl}/products/${product.slug}/${first.slug}`);
  const quiz = page.locator(`section#quiz-${key.id}`);
  await quiz.locator(`input[name="choice"][value="${wrong.value}"]`).check();
  await quiz.getByRole("button", { name: "Check answer" }).click();
  await quiz.getByText("Not quite.").waitFor();

  await page.goto(`${server.baseUrl}/`);
  await card.getByText("In progress", { exact: true }).waitFor();
  expect(await card.getByText("Not started").count()).toBe(0);
  // Nothing is complete yet, so the way on is still the first module.
  expect(await card.getByRole("link", { name: /^Start\b/ }).getAttribute("href")).toBe(
    `/products/${product.slug}/${first.slug}`,
  );
  await page.context().close();
});

test("the author's home opens on content problems, open flags and edits waiting, and a rep's flag shows up there", async () => {
  const page = await pageAs("author");
  await page.goto(`${server.baseUrl}/`);
  const needs = needsToday(page);
  await needs.getByText("Every module compiles and content:check finds nothing.").waitFor();
  await needs.getByText("No open friction flags.").waitFor();
  await needs.getByText("No revision changes waiting to go live.").waitFor();
  for (const [name, href] of [
    ["Open content status →", "/content"],
    ["Answer friction flags →", "/friction"],
    ["See who they move to refresh due →", "/content/impact"],
  ])
    expect(await needs.getByRole("link", { name }).getAttribute("href")).toBe(href);

  // rep5 (Team South) flags a step; the author and rep5's manager see it waiting.
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep5"));
  const flagged = await fetch(`${server.baseUrl}/products/ledgerflow/historical-upload`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.baseUrl },
    body: new URLSearchParams({
      intent: "flag-friction",
      heading: "the-14-steps",
      note: "Nobody said how long the 14 steps take.",
    }),
    redirect: "manual",
  });
  expect(flagged.status).toBe(200);
  await page.reload();
  await needs.getByText("1 open friction flag from the field").waitFor();
  await needs.getByText(/^LedgerFlow: .+ \(1 open\)$/).waitFor();

  const manager = await pageAs("manager2");
  await manager.goto(`${server.baseUrl}/`);
  await needsToday(manager).getByText("1 open friction flag from your reps").waitFor();
  await Promise.all([page.context().close(), manager.context().close()]);
});

test("the CSM's home lists the handoffs waiting for them, oldest first", async () => {
  const page = await pageAs("csm");
  await page.goto(`${server.baseUrl}/`);
  const needs = needsToday(page);
  await needs.getByText("2 handoffs wait for you to acknowledge or question").waitFor();
  await needs.getByText("1 handoff you questioned, waiting on the rep's reply").waitFor();
  const queue = page.getByRole("region", { name: "Waiting for you, oldest first" });
  const links = await queue.getByRole("link").all();
  expect(links).toHaveLength(2);
  for (const link of links) expect(await link.getAttribute("href")).toMatch(/^\/handoffs\/\w+/);
  await page.context().close();
});

test("a manager's and an admin's home open on what is due, reminders and friction; the admin's on integration health too", async () => {
  const manager = await pageAs("manager1");
  await manager.goto(`${server.baseUrl}/`);
  const needs = needsToday(manager);
  // rep2's LedgerFlow refresh lapses in about 11 days: due within 30, not yet worth a reminder.
  await needs.getByText("1 certification lapses or expires in the next 30 days").waitFor();
  await needs.getByText(/^Ben Carter: LedgerFlow lapses in \d+ days$/).waitFor();
  await needs.getByText("No refresh lapses this week.").waitFor();
  await needs.getByText("No open friction flags from your reps.").waitFor();
  expect(await needs.getByText(/integration|deliver/i).count()).toBe(0);
  // The dashboard is still below it.
  await manager.getByRole("heading", { name: "Team North: 4 reps" }).waitFor();

  const admin = await pageAs("admin");
  await admin.goto(`${server.baseUrl}/`);
  const adminNeeds = needsToday(admin);
  await adminNeeds.getByText(/in the next 30 days/).waitFor();
  expect(
    await adminNeeds.getByRole("link", { name: "Check integration health →" }).getAttribute("href"),
  ).toBe("/admin/integrations");
  await adminNeeds.getByText(/Every integration delivery went through\.|failed$/).waitFor();
  await Promise.all([manager.context().close(), admin.context().close()]);
});

test("an author sees the catalogue, not a rep's pitch verdict, on /products and a product page", async () => {
  const products = await demoCatalog();
  const page = await pageAs("author");
  await page.goto(`${server.baseUrl}/products`);
  const list = page.getByRole("list", { name: "Products" });
  for (const product of products) {
    const card = list.getByRole("listitem", { name: product.name });
    await card.getByText(new RegExp(`^${product.modules.length} modules · `)).waitFor();
    await card.getByRole("link", { name: `See the journey of ${product.name}` }).waitFor();
  }
  const text = await list.innerText();
  for (const verdict of ["Cleared to pitch", "Not yet cleared", "Not started", "In progress"])
    expect(text).not.toContain(verdict);
  expect(await list.getByRole("progressbar").count()).toBe(0);

  await page.goto(`${server.baseUrl}/products/${products[0].slug}`);
  await page.getByRole("heading", { name: "The customer's journey" }).waitFor();
  const body = await page.locator("main").innerText();
  for (const verdict of ["cleared to pitch", "Not started", "Not completed"])
    expect(body).not.toContain(verdict);
  expect(await page.getByRole("progressbar").count()).toBe(0);

  // A rep on the same page still gets their verdict.
  const rep = await pageAs("rep5");
  await rep.goto(`${server.baseUrl}/products/${products[0].slug}`);
  await rep.getByText("Not yet cleared to pitch").waitFor();
  await Promise.all([page.context().close(), rep.context().close()]);
});
