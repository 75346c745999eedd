import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { deliveries, outboxEvents } from "#db/schema";
import { demoDomain, seedDemoOrganisation } from "#db/seed";
import { seedDemoActivity } from "#db/seed-activity";
import { requireProduct } from "~/content/content.server";
import { getDb } from "~/utils/db.server";
import { sendManualReminder } from "./manual-reminder.server";
import { setNotificationPreferences } from "./notification-preference.server";
import { getTeamByName, setTeamSlackWebhookUrl } from "./team.server";
import { getUserByEmail } from "./user.server";

test("remind queues the lapse warning to the team's Slack once a day, and never past an opt-out", async () => {
  await seedDemoOrganisation({ log: () => {} });
  await seedDemoActivity({ log: () => {} });
  const north = getTeamByName({ name: "Team North" })!;
  setTeamSlackWebhookUrl({ teamId: north.id, url: "https://hooks.slack.example/services/T/B/x" });
  const rep2 = getUserByEmail({ email: `rep2@${demoDomain}` })!;
  const rep3 = getUserByEmail({ email: `rep3@${demoDomain}` })!;
  const product = await requireProduct({ productSlug: "ledgerflow" });

  expect(sendManualReminder({ rep: rep2, product })).toEqual({ ok: true });
  const queued = getDb()
    .select({ type: outboxEvents.type, channel: deliveries.channel, payload: deliveries.payload })
    .from(outboxEvents)
    .innerJoin(deliveries, eq(deliveries.eventSeq, outboxEvents.seq))
    .where(eq(outboxEvents.userId, rep2.id))
    .all()
    .filter((r) => r.type === "reminder.lapse_warning");
  expect(queued.map((r) => r.channel)).toEqual(["slack"]);
  expect(queued[0].payload).toContain("Automate ingestion with rules");

  const again = sendManualReminder({ rep: rep2, product });
  expect(again.ok ? "" : again.message).toContain("already reminded");
  const nothingDue = sendManualReminder({ rep: rep3, product });
  expect(nothingDue.ok ? "" : nothingDue.message).toContain("no refresh due");

  setNotificationPreferences({ userId: rep2.id, kinds: ["lapse_warning"], enabled: [] });
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  const optedOut = sendManualReminder({ rep: rep2, product, now: tomorrow });
  expect(optedOut.ok ? "" : optedOut.message).toContain("turned refresh reminders off");
}, 60_000);
