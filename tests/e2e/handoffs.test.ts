import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { startMailReceiver } from "../support/mail-receiver";
import { browserForThisFile, demoEmail, signIn, signInCookie } from "./browser";
import { personByEmail, readDemoPeople, type DemoPerson } from "./demo-people";
import { startServer, type RunningServer } from "./start-server";

// Its own server: the tests file and acknowledge handoffs. A local SMTP server stands in for the
// mail relay, so each step's email to the other side is seen arriving.
const getBrowser = browserForThisFile();
let server: RunningServer;
let mail: Awaited<ReturnType<typeof startMailReceiver>>;
let people: DemoPerson[];

beforeAll(async () => {
  mail = await startMailReceiver();
  server = await startServer({
    SMTP_URL: mail.url,
    MAIL_FROM: "Firsthand <firsthand@demo.firsthand.test>",
    OUTBOX_POLL_MS: "100",
  });
  people = readDemoPeople(server.dataDir);
});

afterAll(async () => {
  await server?.stop();
  await mail?.close();
});

function handoffCount(): number {
  const db = new Database(path.join(server.dataDir, "e2e.db"), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM handoffs").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function eventually<T>(find: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
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
  const row = page.getByRole("table", { name: "Handoff adherence per rep" }).getByRole("row", {
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
  await Promise.all([manager.close(), rep.close(), csm.close()]);
});
