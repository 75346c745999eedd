import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { eligibility } from "~/api/eligibility-schemas";
import { startMailReceiver } from "../support/mail-receiver";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { createApiToken } from "./api-token";
import { browserForThisFile, demoEmail, signIn, signInCookie } from "./browser";
import { personByEmail, readDemoPeople, type DemoPerson } from "./demo-people";
import { startServer, type RunningServer } from "./start-server";

// Its own server over a copy of the demo content (the test bumps a revision), with a local SMTP
// server as the mail relay and a local HTTP server as the team's Slack incoming webhook.
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-notify-content-"));
fs.cpSync("content", contentDir, { recursive: true });
const getBrowser = browserForThisFile();
let server: RunningServer;
let mail: Awaited<ReturnType<typeof startMailReceiver>>;
let slack: Awaited<ReturnType<typeof startWebhookReceiver>>;
let people: DemoPerson[];
let appUrl: string;

beforeAll(async () => {
  [mail, slack] = await Promise.all([startMailReceiver(), startWebhookReceiver()]);
  server = await startServer({
    CONTENT_DIR: contentDir,
    SMTP_URL: mail.url,
    MAIL_FROM: "Firsthand <firsthand@demo.firsthand.test>",
    OUTBOX_POLL_MS: "100",
    SWEEP_INTERVAL_MS: "300",
    WEBHOOK_RETRY_BASE_MS: "200",
  });
  appUrl = `http://localhost:${new URL(server.baseUrl).port}`;
  people = readDemoPeople(server.dataDir);
});

afterAll(async () => {
  await server?.stop();
  await Promise.all([mail?.close(), slack?.close()]);
  fs.rmSync(contentDir, { recursive: true, force: true });
});

async function waitFor<T>(what: string, probe: () => T | undefined | null | false, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(server.dataDir, "e2e.db"), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function post(pathname: string, cookie: string, body: Record<string, string>) {
  return fetch(`${server.baseUrl}${pathname}`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.baseUrl },
    body: new URLSearchParams(body),
    redirect: "manual",
  });
}

const teamIdIn = (html: string) => /name="teamId" value="([^"]+)"/.exec(html)?.[1];

test("a manager connects the team's Slack channel, sends a test message, and nobody else can", async () => {
  const manager = await signInCookie(server.baseUrl, demoEmail("manager1"));
  const page = await fetch(`${server.baseUrl}/team/notifications`, {
    headers: { Cookie: manager },
  });
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Slack channel for Team North");
  const teamId = teamIdIn(html)!;
  expect(teamId).toBeTruthy();

  const insecure = await post("/team/notifications", manager, {
    intent: "save-slack",
    teamId,
    url: "http://hooks.example.com/services/x",
  });
  expect(insecure.status).toBe(400);
  expect(await insecure.text()).toContain("starting with https://");

  const saved = await post("/team/notifications", manager, {
    intent: "save-slack",
    teamId,
    url: slack.url,
  });
  expect(saved.status).toBe(200);
  expect(await saved.text()).toContain("Saved. Notifications for Team North");
  expect(query("select slack_webhook_url as url from teams where id = ?", teamId)).toEqual([
    { url: slack.url },
  ]);

  const tested = await post("/team/notifications", manager, { intent: "test-slack", teamId });
  expect(tested.status).toBe(200);
  expect(await tested.text()).toContain("Slack accepted the test message (HTTP 200)");
  const testCall = slack.calls.at(-1)!;
  expect(testCall.headers["content-type"]).toMatch(/^application\/json/);
  const testBody = JSON.parse(testCall.body);
  expect(testBody.text).toContain("Firsthand is connected");
  expect(testBody.text).toContain("*Team North*");
  expect(testBody.blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });

  // Team South's manager cannot touch Team North's channel; a rep cannot open the page.
  const otherManager = await signInCookie(server.baseUrl, demoEmail("manager2"));
  const foreign = await post("/team/notifications", otherManager, {
    intent: "save-slack",
    teamId,
    url: "https://hooks.slack.example/services/evil",
  });
  expect(foreign.status).toBe(404);
  const rep = await signInCookie(server.baseUrl, demoEmail("rep3"));
  expect((await post("/team/notifications", rep, { intent: "test-slack", teamId })).status).toBe(
    403,
  );
  expect(query("select slack_webhook_url as url from teams where id = ?", teamId)).toEqual([
    { url: slack.url },
  ]);
});

test("handoff steps reach the other side by email and in their team's Slack; a CSM who opted out gets no email", async () => {
  const csm = await signInCookie(server.baseUrl, demoEmail("csm"));
  const rep1 = await signInCookie(server.baseUrl, demoEmail("rep1"));
  // Every kind a CSM has, turned off: nothing is checked, so nothing is "on".
  const optOut = await post("/settings/notifications", csm, { intent: "save-notifications" });
  expect(optOut.status).toBe(200);
  const csmPerson = personByEmail(people, demoEmail("csm"));
  expect(query("select kind from notification_opt_outs where user_id = ?", csmPerson.id)).toEqual([
    { kind: "handoff_to_me" },
  ]);

  const form = await (
    await fetch(`${server.baseUrl}/handoffs/new?product=ledgerflow`, { headers: { Cookie: rep1 } })
  ).text();
  const friction = [...form.matchAll(/name="(friction:[^"]+)"[^>]*value="told"/g)].map((m) => [
    m[1],
    "told",
  ]);
  expect(friction.length).toBeGreaterThan(0);
  const filed = await post("/handoffs/new?product=ledgerflow", rep1, {
    product: "ledgerflow",
    accountName: "Slackline Logistics",
    csmId: csmPerson.id,
    goLiveTarget: "2027-06-01",
    notes: "",
    ...Object.fromEntries(friction),
  });
  expect(filed.status).toBe(302);
  const handoffPath = new URL(filed.headers.get("location")!, server.baseUrl).pathname;
  expect((await post(handoffPath, csm, { intent: "acknowledge" })).status).toBe(200);

  // The rep's team channel (Team North, connected above) hears the answer, and the rep's inbox.
  const slackPost = await waitFor("the Slack message to rep1's team", () =>
    slack.calls.find((c) => c.body.includes("acknowledged the handoff of *Slackline Logistics*")),
  );
  expect(JSON.parse(slackPost.body).text).toContain("Chris Success");
  await waitFor("rep1's email", () =>
    mail.messages.find(
      (m) =>
        m.to.includes(demoEmail("rep1")) &&
        m.subject === "Chris Success acknowledged the Slackline Logistics handoff",
    ),
  );
  const planned = query<{ type: string; channel: string; target: string }>(
    `select e.type, d.channel, d.target from outbox_events e join deliveries d on d.event_seq = e.seq
     where e.type like 'handoff.%' and e.data like '%Slackline Logistics%' order by d.id`,
  );
  expect(planned.filter((d) => d.type === "handoff.filed")).toEqual([]);
  expect(planned.map((d) => [d.type, d.channel])).toEqual([
    ["handoff.acknowledged", "email"],
    ["handoff.acknowledged", "slack"],
  ]);
});

test("a rep turns module-change notifications off on their settings page", async () => {
  const page = await getBrowser().newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await signIn(page, server.baseUrl, demoEmail("rep2"));
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole("link", { name: "Notifications" }).click();
    await page.waitForURL(`${server.baseUrl}/settings/notifications`);
    const changed = page.getByLabel("A module I am certified on changed");
    await expect(changed.isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("Weekly team digest").count()).resolves.toBe(0);
    await changed.uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").getByText("Saved: you get 3 of 4 notifications.").waitFor();
    await page.reload();
    await expect(page.getByLabel("A module I am certified on changed").isChecked()).resolves.toBe(
      false,
    );
    await expect(page.getByLabel("A refresh deadline is a week away").isChecked()).resolves.toBe(
      true,
    );
  } finally {
    await page.close();
  }
  const rep2 = personByEmail(people, demoEmail("rep2"));
  expect(query("select kind from notification_opt_outs where user_id = ?", rep2.id)).toEqual([
    { kind: "module_changed" },
  ]);
});

test("a module's new revision emails the certified rep and posts to the team's Slack; the rep who opted out gets neither", async () => {
  const rep1 = personByEmail(people, demoEmail("rep1"));
  const rep2 = personByEmail(people, demoEmail("rep2"));
  // The sweep records where everyone stands before the change, so the change is news.
  await waitFor(
    "the first sweep",
    () =>
      query(
        "select 1 from rep_statuses where user_id in (?, ?) and product_slug = 'ledgerflow'",
        rep1.id,
        rep2.id,
      ).length === 2,
  );
  const file = path.join(contentDir, "products/ledgerflow/kickoff.mdx");
  const source = fs.readFileSync(file, "utf8");
  fs.writeFileSync(
    file,
    source.replace(/^revision: *(\d+)/m, (_m, n: string) => `revision: ${Number(n) + 1}`),
  );

  // What the app itself says: the module to re-take and its deadline, as the API gives them.
  const token = createApiToken(server, ["eligibility:read"]);
  const verdict = await (async () => {
    for (;;) {
      const response = await fetch(
        `${server.baseUrl}/api/v1/eligibility?${new URLSearchParams({ rep: rep1.email, product: "ledgerflow" })}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      const answer = eligibility.parse(await response.json());
      if (answer.status === "refresh_due") return answer;
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  expect(verdict.refreshDueModules.map((m) => m.slug)).toEqual(["kickoff"]);
  const title = verdict.refreshDueModules[0].title;
  const deadline = /by (\d{1,2} [A-Z][a-z]{2} \d{4})\./.exec(verdict.reasons.join(" "))?.[1];
  expect(deadline, verdict.reasons.join(" ")).toBeTruthy();

  const email = await waitFor("rep1's email", () =>
    mail.messages.find((m) => m.to.includes(rep1.email) && m.subject.includes(title)),
  );
  expect(email.subject).toBe(`Re-take “${title}” on LedgerFlow by ${deadline}`);
  expect(email.from).toBe("Firsthand <firsthand@demo.firsthand.test>");
  expect(email.text).toContain(`Re-take by ${deadline}.`);
  expect(email.text).toContain(
    `${title} — see what changed (${appUrl}/what-changed/ledgerflow/kickoff)`,
  );
  expect(email.text).toContain(`${appUrl}/products/ledgerflow`);
  expect(email.html).toContain(`<strong>${deadline}</strong>`);
  expect(email.html).toContain(`href="${appUrl}/what-changed/ledgerflow/kickoff"`);

  const post = await waitFor("the Slack message about rep1", () =>
    slack.calls.find((c) => c.body.includes(`*${rep1.name}* has a refresh due`)),
  );
  const message = JSON.parse(post.body);
  expect(message.text).toBe(
    `*${rep1.name}* has a refresh due on *LedgerFlow*: re-take “${title}” by *${deadline}*.`,
  );
  expect(JSON.stringify(message.blocks)).toContain(
    `<${appUrl}/what-changed/ledgerflow/kickoff|see what changed>`,
  );
  // The route the link names is the page that shows the diff.
  const rep1Cookie = await signInCookie(server.baseUrl, rep1.email);
  const whatChanged = await fetch(`${server.baseUrl}/what-changed/ledgerflow/kickoff`, {
    headers: { Cookie: rep1Cookie },
  });
  expect(whatChanged.status).toBe(200);
  expect(await whatChanged.text()).toContain(`<title>What changed: ${title} · Firsthand</title>`);

  // rep2 had a refresh due already; kickoff is one more module to re-take, so the same change is
  // news about them too, and the outbox records it, but with no email or Slack message.
  const rep2Event = await waitFor("rep2's refresh-due event", () =>
    query<{ seq: number; data: string }>(
      "select seq, data from outbox_events where type = 'certification.refresh_due' and user_id = ?",
      rep2.id,
    ).find((e) => e.data.includes('"kickoff"')),
  );
  await waitFor("rep1's deliveries to be sent", () =>
    query<{ state: string }>(
      "select d.state from deliveries d join outbox_events e on e.seq = d.event_seq where e.user_id = ? and d.channel in ('email', 'slack')",
      rep1.id,
    ).every((d) => d.state === "delivered"),
  );
  expect(
    query(
      "select channel from deliveries where event_seq = ? and channel in ('email', 'slack')",
      rep2Event.seq,
    ),
  ).toEqual([]);
  expect(mail.messages.filter((m) => m.to.includes(rep2.email))).toEqual([]);
  expect(slack.calls.filter((c) => c.body.includes(rep2.name))).toEqual([]);
  expect(
    query<{ channel: string; state: string }>(
      "select d.channel, d.state from deliveries d join outbox_events e on e.seq = d.event_seq where e.user_id = ? and e.type = 'certification.refresh_due' and d.channel in ('email', 'slack') order by d.channel",
      rep1.id,
    ),
  ).toEqual([
    { channel: "email", state: "delivered" },
    { channel: "slack", state: "delivered" },
  ]);
});
