import { eq } from "drizzle-orm";
import { outboxEvents, type User } from "#db/schema";
import type { Product } from "~/content/types";
import { enqueueEvent } from "~/integrations/outbox.server";
import { getDb, immediateTransaction } from "~/utils/db.server";
import { getRepEligibility } from "./eligibility-api.server";
import { isNotificationOn } from "./notification-preference.server";

export type ReminderResult = { ok: true } | { ok: false; status: 409; message: string };

/**
 * A manager's nudge about a refresh due: the same lapse warning the sweep sends a week before the
 * deadline, through the outbox, so the rep's opt-out and the team's channels apply as they do
 * there. At most one a day per rep and product, so a double click cannot send two.
 */
export function sendManualReminder({
  rep,
  product,
  now = new Date(),
}: {
  rep: User;
  product: Product;
  now?: Date;
}): ReminderResult {
  return immediateTransaction(() => {
    const { answer, certificationId, refreshDeadline } = getRepEligibility({
      user: rep,
      product,
      now,
    });
    if (answer.status !== "refresh_due") {
      return {
        ok: false,
        status: 409,
        message: `${rep.name} has no refresh due on ${product.name}; there is nothing to remind them of.`,
      };
    }
    if (!isNotificationOn({ userId: rep.id, kind: "lapse_warning" })) {
      return {
        ok: false,
        status: 409,
        message: `${rep.name} has turned refresh reminders off, so nothing was sent.`,
      };
    }
    const dedupeKey = `manual_reminder:${rep.id}:${product.slug}:${now.toISOString().slice(0, 10)}`;
    const sentToday = getDb()
      .select({ seq: outboxEvents.seq })
      .from(outboxEvents)
      .where(eq(outboxEvents.dedupeKey, dedupeKey))
      .get();
    if (sentToday) {
      return {
        ok: false,
        status: 409,
        message: `${rep.name} was already reminded about ${product.name} today.`,
      };
    }
    const queued = enqueueEvent({
      type: "reminder.lapse_warning",
      userId: rep.id,
      now,
      dedupeKey,
      data: {
        ...answer,
        productName: product.name,
        previousStatus: answer.status,
        certificationId,
        refreshDeadline,
      },
    });
    if (!queued) {
      return {
        ok: false,
        status: 409,
        message:
          "Nothing was sent: email (SMTP_URL) is not set up and the team has no Slack channel.",
      };
    }
    return { ok: true };
  });
}
