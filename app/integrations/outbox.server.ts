import { randomToken } from "~/utils/secret-token.server";
import { deliveries, outboxEvents } from "#db/schema";
import { getDb } from "~/utils/db.server";
import type { DeliveryPlanner, EventDataByType, EventType, OutboxEvent } from "./events";
import { planNotifications } from "./notifications.server";
import { planFrictionNotices } from "./friction-notices.server";
import { planHandoffNotices } from "./handoff-notices.server";
import { planWebhooks } from "./webhooks.server";
import { planXapi } from "./xapi.server";

const planners: DeliveryPlanner[] = [
  planWebhooks,
  planXapi,
  planNotifications,
  planHandoffNotices,
  planFrictionNotices,
];

/** Event types kept even when nothing is subscribed: the record of every certification change and handoff step. */
const alwaysKept = new Set<EventType>([
  "handoff.filed",
  "handoff.acknowledged",
  "handoff.questioned",
  "handoff.replied",
  "certification.issued",
  "certification.refresh_due",
  "certification.lapsed",
  "certification.expired",
  "certification.restored",
]);

// On globalThis: the server and the built app each load this module, and a write in either must
// wake the one worker.
const globalForOutbox = globalThis as unknown as { firsthandOutboxWakers?: Set<() => void> };
const wakers = (globalForOutbox.firsthandOutboxWakers ??= new Set());

/** Lets the worker start on new deliveries at once instead of at its next poll. */
export function onOutboxWrite(wake: () => void) {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

/**
 * Writes an event and its deliveries. Call it inside the transaction of the change that caused
 * it, so the change and the promise to announce it commit or roll back together. An event with a
 * `dedupeKey` already written is skipped: that is how clock-driven events happen exactly once.
 */
export function enqueueEvent<T extends EventType>({
  type,
  data,
  userId,
  dedupeKey = null,
  now = new Date(),
}: {
  type: T;
  data: EventDataByType[T];
  userId: string | null;
  dedupeKey?: string | null;
  now?: Date;
}): OutboxEvent<T> | null {
  const db = getDb();
  const event: OutboxEvent<T> = {
    id: `evt_${randomToken(15)}`,
    type,
    createdAt: now,
    userId,
    data,
  };
  const plans = planners.flatMap((plan) => plan(event as OutboxEvent));
  if (plans.length === 0 && !alwaysKept.has(type)) return null;
  const inserted = db
    .insert(outboxEvents)
    .values({ id: event.id, type, data: JSON.stringify(data), userId, dedupeKey, createdAt: now })
    .onConflictDoNothing({ target: outboxEvents.dedupeKey })
    .returning({ seq: outboxEvents.seq })
    .get();
  if (!inserted) return null;
  for (const plan of plans) {
    db.insert(deliveries)
      .values({
        eventSeq: inserted.seq,
        channel: plan.channel,
        target: plan.target,
        webhookId: plan.webhookId ?? null,
        orderKey: userId ?? "",
        payload: plan.payload,
        state: "pending",
        nextAttemptAt: now,
        createdAt: now,
      })
      .run();
  }
  if (plans.length) queueMicrotask(() => wakers.forEach((wake) => wake()));
  return event;
}
