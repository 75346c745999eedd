import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { browserForThisFile, demoEmail, signIn, signInCookie } from "./browser";
import { personByEmail, readDemoPeople, type DemoPerson } from "./demo-people";
import { eventually, startServerWithMail, type ServerWithMail } from "./server-with-mail";
import type { RunningServer } from "./start-server";

// Its own server: the tests file and acknowledge handoffs. A local SMTP server stands in for the
// mail relay, so each step's email to the other side is seen arriving.
const getBrowser = browserForThisFile();
let server: RunningServer;
let stop: ServerWithMail["stop"];
let mail: ServerWithMail["mail"];
let people: DemoPerson[];

beforeAll(async () => {
  ({ server, mail, stop } = await startServerWithMail());
  people = readDemoPeople(server.dataDir);
});

afterAll(() => stop?.());

function handoffCount(): number {
  const db = new Database(path.join(server.dataDir, "e2e.db"), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM handoffs").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test("a rep not cleared to pitch is told why, with links, and a direct POST is refused with 403", async () => {
  // rep3 is part-way through ledgerflow.
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep3"));
  const page = await fetch(`${server.baseUrl}/handoffs/new?product=ledgerflow`, {
    headers: { Cookie: cookie },
  });
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Not yet cleared to pitch");
  expect(html).toMatch(
    /Only a rep cleared to pitch (<!-- -->)?LedgerFlow(<!-- -->)? can hand off its deals/,
  );
  expect(html).toMatch(/href="\/products\/ledgerflow\/[a-z-]+"/);
  expect(html).not.toContain("File handoff");

  const csm = personByEmail(people, demoEmail("csm"));
  const before = handoffCount();
  const body = new URLSearchParams([
    ["product", "ledgerflow"],
    ["accountName", "Sneaky Ltd"],
    ["csmId", csm.id],
    ["goLiveTarget", "2027-01-31"],
    ["promiseText", ""],
    ["promiseModule", ""],
    ["notes", ""],
  ]);
  const post = await fetch(`${server.baseUrl}/handoffs/new?product=ledgerflow`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.baseUrl },
    body,
    redirect: "manual",
  });
  expect(post.status).toBe(403);
  expect(await post.text()).toContain("You are not cleared to pitch LedgerFlow");
  expect(handoffCount()).toBe(before);
});

async function adherenceRow(page: Page, repName: string) {
  const row = page
    .getByRole("table", { name: "Handoff adherence by team and rep" })
    .getByRole("row", {
      name: new RegExp(`^${repName}`),
    });
  return row.getByRole("cell").allInnerTexts();
}

test("a rep files with one friction point not discussed; the CSM sees it flagged and acknowledges; the manager's adherence moves", async () => {
  const browser = getBrowser();
  const manager = await browser.newPage();
  await signIn(manager, server.baseUrl, demoEmail("manager1"));
  await manager.waitForURL(`${server.baseUrl}/`);
  await manager.goto(`${server.baseUrl}/handoffs`);
  // From the demo seed: four current handoffs by Ava, two with every friction point discussed,
  // one acknowledged (without a question, 5 hours after filing).
  expect(await adherenceRow(manager, "Ava Martins")).toEqual(["4", "50%", "100%", "5 h"]);
  // The team as a whole adds Ben's one handoff: questioned, acknowledged after 30 h.
  expect(await adherenceRow(manager, "Team North")).toEqual(["5", "40%", "50%", "17.5 h"]);

  const rep = await browser.newPage();
  await signIn(rep, server.baseUrl, demoEmail("rep1"));
  await rep.waitForURL(`${server.baseUrl}/`);
  await rep.goto(`${server.baseUrl}/handoffs/new?product=ledgerflow`);
  await rep.getByLabel("Account name").fill("Globex Finance");
  await rep.getByLabel("Customer success manager").selectOption({ label: "Chris Success" });
  await rep.getByLabel("Go-live target").fill("2027-02-15");
  await rep.getByLabel("Promise 1").fill("Bank feeds flowing before the first close");
  await rep.locator("#promiseModule-0").selectOption("ingestion-rules");
  const points = rep.locator(".handoff-friction-list fieldset");
  const n = await points.count();
  expect(n).toBeGreaterThan(1);
  const untold = (await points.first().locator("legend").innerText()).split(" · ")[0].trim();
  await points.first().getByLabel("Not discussed").check();
  for (let i = 1; i < n; i++) await points.nth(i).getByLabel("Customer was told").check();
  await rep.getByRole("button", { name: "File handoff" }).click();
  await rep.waitForURL(/\/handoffs\/ho_/);
  await rep.getByText("Waiting for the CSM to read it.").waitFor();

  const csmMail = await eventually(
    () =>
      mail.messages.find(
        (m) => m.to.includes(demoEmail("csm")) && m.subject.includes("Globex Finance"),
      ),
    "the CSM's email",
  );
  expect(csmMail.subject).toBe("Ava Martins handed over the Globex Finance handoff");

  const csm = await browser.newPage();
  await signIn(csm, server.baseUrl, demoEmail("csm"));
  await csm.waitForURL(`${server.baseUrl}/`);
  await csm.goto(`${server.baseUrl}/handoffs`);
  const queueRow = csm.getByRole("row", { name: /Globex Finance/ });
  await expect(queueRow.innerText()).resolves.toContain("Needs you");
  await queueRow.getByRole("link", { name: "Globex Finance" }).click();
  const flagged = csm.getByRole("region", { name: "Not discussed with the customer" });
  await expect(flagged.innerText()).resolves.toContain(
    `1 friction point was not discussed with the customer:\n${untold}`,
  );
  const untoldInJourney = csm.locator(".friction-untold");
  await expect(untoldInJourney.count()).resolves.toBe(1);
  await expect(untoldInJourney.innerText()).resolves.toContain(untold);
  await csm.getByRole("button", { name: "Acknowledge" }).click();
  await csm.getByText("Acknowledged. Ava Martins has been told.").waitFor();
  await eventually(
    () =>
      mail.messages.find(
        (m) =>
          m.to.includes(demoEmail("rep1")) &&
          m.subject === "Chris Success acknowledged the Globex Finance handoff",
      ),
    "the rep's email",
  );

  await rep.reload();
  await rep.getByText("Chris Success acknowledged it").waitFor();

  await manager.reload();
  // Five filed, two of five with every point discussed, both acknowledged ones without a
  // question, and the median of 5 h and a few seconds.
  expect(await adherenceRow(manager, "Ava Martins")).toEqual(["5", "40%", "100%", "2.5 h"]);
  expect(await adherenceRow(manager, "Team North")).toEqual(["6", "33%", "67%", "5 h"]);
  await Promise.all([manager.close(), rep.close(), csm.close()]);
});

async function startLedgerflowHandoff(rep: Page, account: string) {
  await rep.goto(`${server.baseUrl}/handoffs/new?product=ledgerflow`);
  await rep.getByLabel("Account name").fill(account);
  await rep.getByLabel("Customer success manager").selectOption({ label: "Chris Success" });
  await rep.getByLabel("Go-live target").fill("2027-03-01");
  await rep.getByLabel("Promise 1").fill("No more manual work after week 2");
  await rep.locator("#promiseModule-0").selectOption("ingestion-rules");
  const points = rep.locator(".handoff-friction-list fieldset");
  for (let i = 0; i < (await points.count()); i++)
    await points.nth(i).getByLabel("Customer was told").check();
}

test("pitch phrases in the notes and promises are marked before filing, and nothing typed is lost", async () => {
  const rep = await getBrowser().newPage();
  await signIn(rep, server.baseUrl, demoEmail("rep1"));
  await rep.waitForURL(`${server.baseUrl}/`);
  await startLedgerflowHandoff(rep, "Initech Accounts");
  await rep.getByLabel("Notes for the CSM").fill("Told them it STREAMLINED your processes.");

  // While writing, the check runs in place.
  await rep.getByRole("button", { name: "Check wording now" }).click();
  const inline = rep.getByRole("region", { name: "Wording check of your notes" });
  await expect(inline.locator("mark").innerText()).resolves.toBe("STREAMLINED your processes");
  await expect(inline.innerText()).resolves.toContain("Ingestion rule");

  const before = handoffCount();
  await rep.getByRole("button", { name: "File handoff" }).click();
  await rep
    .getByRole("heading", { name: "2 pitch phrases to replace before the CSM reads this" })
    .waitFor();
  expect(handoffCount()).toBe(before);
  const promise = rep.getByRole("region", { name: "Wording check: Promise 1" });
  await expect(promise.locator("mark").innerText()).resolves.toBe("No more manual work");
  await expect(rep.getByLabel("Account name").inputValue()).resolves.toBe("Initech Accounts");
  await expect(rep.getByLabel("Go-live target").inputValue()).resolves.toBe("2027-03-01");
  await expect(rep.locator("#promiseModule-0").inputValue()).resolves.toBe("ingestion-rules");
  await expect(
    rep.locator(".handoff-friction-list input[value=told]:checked").count(),
  ).resolves.toBe(await rep.locator(".handoff-friction-list fieldset").count());

  await rep
    .getByLabel("Promise 1", { exact: true })
    .fill("Bank statements arrive on their own from week 2");
  await rep
    .getByLabel("Notes for the CSM", { exact: true })
    .fill("Told them ingestion rules fetch statements, so nobody uploads files on Mondays.");
  await rep.getByRole("button", { name: "Check again and file" }).click();
  await rep.waitForURL(/\/handoffs\/ho_/);
  expect(handoffCount()).toBe(before + 1);
  await expect(rep.locator(".handoff-notes").innerText()).resolves.toContain(
    "nobody uploads files on Mondays",
  );
  await rep.close();
});

test("a rep may file the wording as it is once it was shown", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep1"));
  const people = readDemoPeople(server.dataDir);
  const csm = personByEmail(people, demoEmail("csm"));
  const form = (extra: Record<string, string>) =>
    new URLSearchParams({
      product: "ledgerflow",
      accountName: "Wording Kept Ltd",
      csmId: csm.id,
      goLiveTarget: "2027-04-01",
      notes: "Seamless integration, as promised.",
      ...extra,
    });
  const post = (body: URLSearchParams) =>
    fetch(`${server.baseUrl}/handoffs/new?product=ledgerflow`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.baseUrl },
      body,
      redirect: "manual",
    });
  const friction = await frictionFields(cookie, "ledgerflow");
  const before = handoffCount();
  const shown = await post(form(friction));
  expect(shown.status).toBe(200);
  expect(await shown.text()).toContain("pitch phrase");
  expect(handoffCount()).toBe(before);
  const kept = await post(form({ ...friction, wording: "kept" }));
  expect(kept.status).toBe(302);
  expect(handoffCount()).toBe(before + 1);
});

/** Every friction point of a product's form, answered "told". */
async function frictionFields(cookie: string, product: string) {
  const html = await (
    await fetch(`${server.baseUrl}/handoffs/new?product=${product}`, {
      headers: { Cookie: cookie },
    })
  ).text();
  return Object.fromEntries(
    [...html.matchAll(/name="(friction:[^"]+)"[^>]*value="told"/g)].map((m) => [m[1], "told"]),
  );
}

test("the rep edits an open handoff: the CSM gets the new version, and the old one stays, linked", async () => {
  const browser = getBrowser();
  const rep = await browser.newPage();
  await signIn(rep, server.baseUrl, demoEmail("rep1"));
  await rep.waitForURL(`${server.baseUrl}/`);
  await startLedgerflowHandoff(rep, "Edited Co");
  await rep.getByLabel("Promise 1").fill("Bank statements arrive on their own from week 2");
  await rep.getByRole("button", { name: "File handoff" }).click();
  await rep.waitForURL(/\/handoffs\/ho_/);
  const firstUrl = rep.url();

  await rep.getByRole("link", { name: "Edit this handoff" }).click();
  await expect(rep.getByLabel("Account name").inputValue()).resolves.toBe("Edited Co");
  await expect(rep.getByLabel("Promise 1").inputValue()).resolves.toBe(
    "Bank statements arrive on their own from week 2",
  );
  await rep.getByLabel("Go-live target").fill("2027-05-20");
  await rep.getByRole("button", { name: "File the edit" }).click();
  await rep.waitForURL((url) => /\/handoffs\/ho_/.test(url.pathname) && url.href !== firstUrl);
  await rep.getByText("This is an edited version.").waitFor();

  const csm = await browser.newPage();
  await signIn(csm, server.baseUrl, demoEmail("csm"));
  await csm.waitForURL(`${server.baseUrl}/`);
  await csm.goto(`${server.baseUrl}/handoffs`);
  await expect(csm.getByRole("row", { name: /Edited Co/ }).count()).resolves.toBe(1);
  await csm.goto(firstUrl);
  await csm.getByText("This version was replaced by an edit.").waitFor();
  await expect(csm.getByRole("button", { name: "Acknowledge" }).count()).resolves.toBe(0);
  await csm.getByRole("link", { name: "Read the current version" }).click();
  await csm.getByText(/go-live 20 May 2027/).waitFor();
  await Promise.all([rep.close(), csm.close()]);
});
