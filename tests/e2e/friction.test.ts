import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { browserForThisFile, demoEmail, signIn, signInCookie } from "./browser";
import { eventually, startServerWithMail, type ServerWithMail } from "./server-with-mail";
import type { RunningServer } from "./start-server";

// Its own server: the tests write flags, which the navigation counts for every author. A local
// SMTP server stands in for the mail relay, so the reply's email to the rep is seen arriving.
const getBrowser = browserForThisFile();
let server: RunningServer;
let stop: ServerWithMail["stop"];
let mail: ServerWithMail["mail"];

beforeAll(async () => {
  ({ server, mail, stop } = await startServerWithMail());
});

afterAll(() => stop?.());

const modulePath = "/products/ledgerflow/historical-upload";

function flagRows(): {
  note: string;
  state: string;
  heading_id: string;
  module_revision: number;
}[] {
  const db = new Database(path.join(server.dataDir, "e2e.db"), { readonly: true });
  try {
    return db
      .prepare(
        "SELECT note, state, heading_id, module_revision FROM friction_flags ORDER BY created_at",
      )
      .all() as never;
  } finally {
    db.close();
  }
}

function post(cookie: string, url: string, body: Record<string, string>) {
  return fetch(`${server.baseUrl}${url}`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.baseUrl },
    body: new URLSearchParams(body),
    redirect: "manual",
  });
}

test("a rep's flag at a heading reaches the author's inbox, and the author's reply reaches the rep", async () => {
  const browser = getBrowser();
  const note = "Nobody told me the upload has 14 steps: I planned 20 minutes for it.";

  // rep3 (Team North) flags a step with the "Flag this" button beside its heading.
  const rep = await browser.newPage();
  await signIn(rep, server.baseUrl, demoEmail("rep3"));
  await rep.waitForURL(`${server.baseUrl}/`);
  await rep.goto(`${server.baseUrl}${modulePath}`);
  await rep
    .getByRole("button", { name: "Flag this: “The 14 steps” is confusing or missing" })
    .click();
  const where = rep.getByLabel("Where");
  await expect.poll(() => where.inputValue()).toBe("the-14-steps");
  await rep.getByLabel("What was confusing or missing").fill(note);
  await rep.getByRole("button", { name: "Flag this step" }).click();
  await rep
    .getByRole("status")
    .filter({ hasText: "your flag on “The 14 steps” is with enablement" })
    .waitFor();
  const thread = rep.locator(".friction-thread-item");
  await thread.filter({ hasText: note }).getByText("No answer yet.").waitFor();
  expect(await rep.getByLabel("What was confusing or missing").inputValue()).toBe("");
  expect(flagRows()).toEqual([
    { note, state: "open", heading_id: "the-14-steps", module_revision: 1 },
  ]);

  // The author sees it waiting: counted in the navigation, in the open tab, per module.
  const author = await browser.newPage();
  await signIn(author, server.baseUrl, demoEmail("author"));
  await author.waitForURL(`${server.baseUrl}/`);
  const nav = author.getByRole("navigation", { name: "Main" });
  await expect.poll(() => nav.getByRole("link", { name: /^Friction/ }).innerText()).toMatch(/1/);
  await nav.getByRole("link", { name: /^Friction/ }).click();
  await author.getByRole("heading", { name: "Friction from the field", level: 1 }).waitFor();
  await author.getByRole("link", { name: "Open (1)" }).waitFor();
  await author.getByRole("link", { name: "Resolved (0)" }).waitFor();
  const card = author.getByRole("article").filter({ hasText: note });
  await card.getByRole("heading", { name: "Upload your historical data · The 14 steps" }).waitFor();
  expect(await card.innerText()).toContain("A reader on");
  expect(await card.innerText()).not.toContain("Chloé");
  await author.getByRole("link", { name: /Upload your historical data\s+LedgerFlow/ }).click();
  await author.waitForURL(/module=ledgerflow%2Fhistorical-upload/);
  await author.getByRole("article").filter({ hasText: note }).waitFor();

  // One action shows the YAML line to add to the module's friction list.
  await card.getByRole("button", { name: "Turn into a friction entry" }).click();
  const yaml = card.getByLabel("YAML to add");
  await yaml.waitFor();
  expect(await yaml.innerText()).toBe(`  - "${note}"`);
  expect(await card.innerText()).toContain(
    "frontmatter of products/ledgerflow/historical-upload.mdx",
  );

  // The author replies and resolves it in one go.
  const reply =
    "Fair point: the module now says to book an afternoon. Steps 9–12 can run overnight.";
  await card.getByLabel("Reply").fill(reply);
  await card.getByRole("button", { name: "Send reply" }).click();
  await author.getByRole("link", { name: "Open (0)" }).waitFor();
  await author.getByRole("link", { name: "Resolved (1)" }).click();
  await author.getByRole("article").filter({ hasText: reply }).waitFor();
  expect(flagRows()[0].state).toBe("resolved");

  // The rep sees the answer on the module page, and by email.
  await rep.goto(`${server.baseUrl}${modulePath}`);
  const answered = rep.locator(".friction-thread-item").filter({ hasText: note });
  await answered.getByText(reply).waitFor();
  await answered.getByText("Resolved").waitFor();
  expect(await answered.innerText()).toMatch(/Ana Author answered on/);
  const email = await eventually(
    () => mail.messages.find((m) => m.to.includes(demoEmail("rep3")) && m.text.includes(reply)),
    "the rep's email",
  );
  expect(email.subject).toMatch(/answered your flag on “The 14 steps”/);
  expect(email.text).toContain(`${modulePath}#friction-flags`);

  // Their manager sees LedgerFlow's count on the dashboard; the other team's manager does not.
  const manager = await browser.newPage();
  await signIn(manager, server.baseUrl, demoEmail("manager1"));
  await manager.waitForURL(`${server.baseUrl}/`);
  const counts = manager.getByRole("region", { name: "Friction your reps flagged" });
  expect(await counts.getByRole("row", { name: /LedgerFlow/ }).innerText()).toMatch(
    /LedgerFlow\s+0\s+1/,
  );
  const other = await signInCookie(server.baseUrl, demoEmail("manager2"));
  const otherHome = await (
    await fetch(`${server.baseUrl}/`, { headers: { Cookie: other } })
  ).text();
  expect(otherHome).toContain("No rep has flagged a confusing or missing step yet.");
  await Promise.all([rep.close(), author.close(), manager.close()]);
});

test("a refused flag says why and keeps what the rep typed, also without JavaScript", async () => {
  const context = await getBrowser().newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, server.baseUrl, demoEmail("rep2"));
  await page.waitForURL(`${server.baseUrl}/`);
  await page.goto(`${server.baseUrl}${modulePath}`);
  expect(await page.getByRole("button", { name: /^Flag this: “/ }).count()).toBe(0);
  const before = flagRows().length;
  await page.getByLabel("Where").selectOption({ label: "Common problems" });
  const typed = "The error list \u202eis reversed";
  await page.getByLabel("What was confusing or missing").fill(typed);
  await page.getByRole("button", { name: "Flag this step" }).click();
  await page
    .getByRole("alert")
    .filter({ hasText: "control or text-direction characters" })
    .waitFor();
  expect(await page.getByLabel("What was confusing or missing").inputValue()).toBe(typed);
  expect(await page.getByLabel("Where").inputValue()).toBe("common-problems");
  expect(flagRows()).toHaveLength(before);
  await context.close();
});

test("bad flags are 400 with a message, and nothing is written", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep5"));
  const before = flagRows().length;
  const cases: [Record<string, string>, string][] = [
    [{ heading: "the-14-steps", note: "   " }, "Say what was confusing or missing."],
    [{ heading: "the-14-steps", note: "x".repeat(1001) }, "Keep the note under 1,001 characters."],
    [{ heading: "connect-your-erp", note: "Confusing" }, "Choose a heading of this module."],
    [{ note: "Confusing" }, "The form is missing “heading”."],
  ];
  for (const [fields, message] of cases) {
    const response = await post(cookie, `${modulePath}.data`, {
      intent: "flag-friction",
      ...fields,
    });
    expect(response.status, message).toBe(400);
    expect(await response.text()).toContain(message);
  }
  expect(flagRows()).toHaveLength(before);
  // A heading named by its text is as good as its id.
  const byText = await post(cookie, modulePath, {
    intent: "flag-friction",
    heading: "what good looks like",
    note: "What does a good trial balance look like?",
  });
  expect(byText.status).toBe(200);
  expect(flagRows().at(-1)).toMatchObject({ heading_id: "what-good-looks-like", state: "open" });
});

test("a rep cannot reach the inbox, and a flag on a module that is not there is a 404", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep1"));
  const before = flagRows().length;
  const inbox = await fetch(`${server.baseUrl}/friction`, { headers: { Cookie: cookie } });
  expect(inbox.status).toBe(403);
  const answer = await post(cookie, "/friction", {
    intent: "reply",
    flagId: "fr_nobody",
    reply: "I am not an author",
  });
  expect(answer.status).toBe(403);
  const flag = { intent: "flag-friction", heading: "module-title", note: "Where is this?" };
  expect((await post(cookie, "/products/ledgerflow/no-such-module", flag)).status).toBe(404);
  expect((await post(cookie, "/products/no-such-product/kickoff", flag)).status).toBe(404);
  expect(flagRows()).toHaveLength(before);

  // An author replying to a flag that does not exist is told so.
  const author = await signInCookie(server.baseUrl, demoEmail("author"));
  const missing = await post(author, "/friction", { intent: "resolve", flagId: "fr_nobody" });
  expect(missing.status).toBe(404);
  expect(await missing.text()).toContain("That flag no longer exists.");
});
