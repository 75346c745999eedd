import path from "node:path";
import { quizAttempts, type User } from "#db/schema";
import { loadCatalog } from "~/content/content.server";
import { setNotificationPreferences } from "~/models/notification-preference.server";
import { markModuleOpened } from "~/models/progress.server";
import { createTeam, setTeamSlackWebhookUrl } from "~/models/team.server";
import { setUserDisabled } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { makeUser } from "../../tests/setup/factories";
import type { CertificationEventData, EventDataByType, EventType, OutboxEvent } from "./events";
import { planNotifications } from "./notifications.server";

// Read once by getEnv, before anything asks for it.
process.env.SMTP_URL = "smtp://127.0.0.1:2525";
process.env.APP_URL = "https://firsthand.example";
process.env.CONTENT_DIR = path.resolve("app/content/__fixtures__/good");

const slackUrl = "https://hooks.slack.example/services/T0/B0/secret";
const deadline = "2027-05-08T09:30:00.000Z";

async function team({ slack = true }: { slack?: boolean } = {}) {
  const manager = await makeUser({ role: "manager" });
  const t = createTeam({ name: `Team ${crypto.randomUUID()}`, managerId: manager.id });
  if (slack) setTeamSlackWebhookUrl({ teamId: t.id, url: slackUrl });
  const rep = await makeUser({ teamId: t.id });
  return { manager, team: t, rep };
}

function certificationData(rep: User, overrides: Partial<CertificationEventData> = {}) {
  return {
    rep: rep.email,
    product: "ledgerflow",
    productName: "LedgerFlow",
    eligible: true,
    status: "refresh_due",
    certifiedAt: "2027-01-01T00:00:00.000Z",
    expiresAt: "2028-01-01T00:00:00.000Z",
    refreshDueModules: [
      { slug: "kickoff", title: "Kick-off", dueSince: "2027-04-24T09:30:00.000Z" },
    ],
    missingModules: [],
    reasons: [],
    verifyUrl: "https://firsthand.example/verify/abc",
    previousStatus: "certified",
    certificationId: "abc",
    refreshDeadline: deadline,
    ...overrides,
  } satisfies CertificationEventData;
}

function event<T extends EventType>(
  type: T,
  userId: string | null,
  data: EventDataByType[T],
  createdAt = new Date("2027-05-01T09:30:00.000Z"),
): OutboxEvent<T> {
  return { id: `evt_${crypto.randomUUID()}`, type, createdAt, userId, data };
}

const payloadOf = (plan: { payload: string }) => JSON.parse(plan.payload);

test("a refresh due emails the rep and posts to their team's Slack, naming the module and the deadline", async () => {
  const { rep } = await team();
  const plans = planNotifications(
    event("certification.refresh_due", rep.id, certificationData(rep)),
  );
  expect(plans.map((p) => [p.channel, p.target])).toEqual([
    ["email", rep.email],
    ["slack", slackUrl],
  ]);
  const email = payloadOf(plans[0]);
  expect(email).toMatchObject({
    to: rep.email,
    subject: "Re-take “Kick-off” on LedgerFlow by 8 May 2027",
  });
  expect(email.text).toContain("https://firsthand.example/what-changed/ledgerflow/kickoff");
  expect(email.html).toContain("<strong>8 May 2027</strong>");
  const slack = payloadOf(plans[1]);
  expect(slack.text).toContain(`*${rep.name}* has a refresh due on *LedgerFlow*`);
  expect(JSON.stringify(slack.blocks)).toContain("Kick-off");
});

test("a rep who turned a kind off gets neither the email nor the Slack message about them", async () => {
  const { rep } = await team();
  setNotificationPreferences({
    userId: rep.id,
    kinds: ["module_changed", "lapse_warning"],
    enabled: ["lapse_warning"],
  });
  expect(
    planNotifications(event("certification.refresh_due", rep.id, certificationData(rep))),
  ).toEqual([]);
  const warning = planNotifications(
    event("reminder.lapse_warning", rep.id, certificationData(rep)),
  );
  expect(warning.map((p) => p.channel)).toEqual(["email", "slack"]);
  expect(payloadOf(warning[0]).subject).toBe(
    "LedgerFlow: your refresh is overdue in 7 days, on 8 May 2027",
  );
});

test("disabled people and teams without Slack get nothing there", async () => {
  const { rep } = await team({ slack: false });
  const plans = planNotifications(
    event("certification.refresh_due", rep.id, certificationData(rep)),
  );
  expect(plans.map((p) => p.channel)).toEqual(["email"]);
  setUserDisabled({ id: rep.id, disabled: true });
  expect(
    planNotifications(event("certification.refresh_due", rep.id, certificationData(rep))),
  ).toEqual([]);
  const loner = await makeUser();
  expect(
    planNotifications(event("certification.refresh_due", loner.id, certificationData(loner))).map(
      (p) => p.channel,
    ),
  ).toEqual(["email"]);
});

test("a certification and a lapse reach the rep's manager, unless the manager turned them off", async () => {
  const { manager, rep } = await team();
  const issued = planNotifications(
    event(
      "certification.issued",
      rep.id,
      certificationData(rep, { status: "certified", refreshDueModules: [], refreshDeadline: null }),
    ),
  );
  expect(issued.map((p) => [p.channel, p.target])).toEqual([
    ["email", manager.email],
    ["slack", slackUrl],
  ]);
  expect(payloadOf(issued[0]).subject).toBe(`${rep.name} is certified on LedgerFlow`);

  const lapsed = planNotifications(
    event(
      "certification.lapsed",
      rep.id,
      certificationData(rep, { status: "lapsed", eligible: false }),
    ),
  );
  expect(payloadOf(lapsed[0]).text).toContain("did not re-take “Kick-off” by 8 May 2027");

  setNotificationPreferences({ userId: manager.id, kinds: ["rep_lapsed"], enabled: [] });
  expect(
    planNotifications(
      event("certification.lapsed", rep.id, certificationData(rep, { status: "lapsed" })),
    ),
  ).toEqual([]);
  // The rep hears nothing of these themselves.
  expect(issued.every((p) => p.target !== rep.email)).toBe(true);
});

test("the weekly digest counts the manager's team per product from the current standings", async () => {
  const { manager, rep } = await team();
  const other = await makeUser({ teamId: rep.teamId });
  const looker = await makeUser({ teamId: rep.teamId });
  const [product] = await loadCatalog();
  const module = product.modules[0];
  for (const { id } of [other, looker])
    markModuleOpened({ userId: id, productSlug: product.slug, moduleSlug: module.slug });
  // Only a real answer starts a track: the rep who just looked stays not started.
  getDb()
    .insert(quizAttempts)
    .values({
      userId: other.id,
      productSlug: product.slug,
      moduleSlug: module.slug,
      moduleRevision: module.revision,
      quizId: module.quizIds[0],
      selected: "[]",
      correct: false,
      attemptedAt: new Date(),
    })
    .run();
  const plans = planNotifications(
    event("digest.weekly", null, { managerId: manager.id, week: "2027-W18" }),
  );
  expect(plans.map((p) => [p.channel, p.target])).toEqual([
    ["email", manager.email],
    ["slack", slackUrl],
  ]);
  const email = payloadOf(plans[0]);
  expect(email.subject).toMatch(/ this week: 0 certified, 0 refresh due, 0 lapsed, 1 in progress$/);
  expect(email.text).toContain(
    `- ${product.name}: certified 0, refresh due 0, lapsed 0, in progress 1`,
  );
  expect(email.text).toContain("https://firsthand.example/team");
});

test("events that are not for people plan nothing", async () => {
  const { rep } = await team();
  expect(
    planNotifications(
      event("module.completed", rep.id, {
        product: "ledgerflow",
        productName: "LedgerFlow",
        module: "kickoff",
        moduleTitle: "Kick-off",
        revision: 1,
      }),
    ),
  ).toEqual([]);
  expect(
    planNotifications(event("digest.weekly", null, { managerId: rep.id, week: "2027-W18" })),
  ).toEqual([]);
});
