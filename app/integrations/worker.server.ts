import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { deliveries, deliveryAttempts, type Delivery, type DeliveryChannel } from "#db/schema";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { SendResult } from "./events";
import { sendEmail, sendSlack } from "./notifications.server";
import { onOutboxWrite } from "./outbox.server";
import { sweep } from "./sweep.server";
import { sendWebhook } from "./webhooks.server";
import { sendXapi } from "./xapi.server";

/** Retries go on for three days (the promise is at least 24 hours), then the delivery is failed. */
export const retryWindowMs = 3 * 24 * 60 * 60 * 1000;
const maxDelayMs = 60 * 60 * 1000;
/** Longer than any send can take, so a claimed delivery is only re-taken after a crash. */
const leaseMs = 60 * 1000;
const batchSize = 20;

const senders: Record<DeliveryChannel, (delivery: Delivery) => Promise<SendResult>> = {
  webhook: sendWebhook,
  xapi: sendXapi,
  email: sendEmail,
  slack: sendSlack,
};

/** The wait before the next try after `attempts` failures: base, 2×base, 4×base… up to an hour. */
export function retryDelayMs(attempts: number, baseMs = getEnv().WEBHOOK_RETRY_BASE_MS) {
  return Math.min(baseMs * 2 ** Math.max(attempts - 1, 0), Math.max(maxDelayMs, baseMs));
}

/**
 * Deliveries that may go now: due, not claimed, and first in line among the pending ones for the
 * same channel, target and rep, so each receiver sees one rep's events in the order they happened.
 */
function dueDeliveries(now: Date): Delivery[] {
  const earlier = sql`exists (select 1 from ${deliveries} as d2 where d2.state = 'pending'
    and d2.channel = ${deliveries.channel} and d2.target = ${deliveries.target}
    and d2.order_key = ${deliveries.orderKey} and d2.id < ${deliveries.id})`;
  return getDb()
    .select()
    .from(deliveries)
    .where(
      and(
        eq(deliveries.state, "pending"),
        lte(deliveries.nextAttemptAt, now),
        or(isNull(deliveries.lockedUntil), lt(deliveries.lockedUntil, now)),
        sql`not ${earlier}`,
      ),
    )
    .orderBy(asc(deliveries.id))
    .limit(batchSize)
    .all();
}

function claim(delivery: Delivery, now: Date): boolean {
  return (
    getDb()
      .update(deliveries)
      .set({ lockedUntil: new Date(now.getTime() + leaseMs) })
      .where(
        and(
          eq(deliveries.id, delivery.id),
          eq(deliveries.state, "pending"),
          or(isNull(deliveries.lockedUntil), lt(deliveries.lockedUntil, now)),
        ),
      )
      .run().changes === 1
  );
}

function settle(delivery: Delivery, result: SendResult, startedAt: Date) {
  const at = new Date();
  const attempts = delivery.attempts + 1;
  const db = getDb();
  db.transaction(() => {
    db.insert(deliveryAttempts)
      .values({
        deliveryId: delivery.id,
        at,
        ok: result.ok,
        responseStatus: result.status ?? null,
        error: result.ok ? null : (result.error ?? "Failed."),
        durationMs: at.getTime() - startedAt.getTime(),
      })
      .run();
    const givingUp = !result.ok && at.getTime() - delivery.createdAt.getTime() >= retryWindowMs;
    db.update(deliveries)
      .set(
        result.ok
          ? { state: "delivered", attempts, deliveredAt: at, lockedUntil: null, lastError: null }
          : {
              state: givingUp ? "failed" : "pending",
              attempts,
              lockedUntil: null,
              lastError: result.error ?? "Failed.",
              nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts)),
            },
      )
      .where(eq(deliveries.id, delivery.id))
      .run();
  });
}

/** Sends every delivery that is due, one per receiver-and-rep at a time; returns how many went. */
export async function deliverDue({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const due = dueDeliveries(now).filter((delivery) => claim(delivery, now));
  await Promise.all(
    due.map(async (delivery) => {
      const startedAt = new Date();
      let result: SendResult;
      try {
        result = await senders[delivery.channel](delivery);
      } catch (error) {
        result = { ok: false, error: error instanceof Error ? error.message : "Failed." };
      }
      settle(delivery, result, startedAt);
    }),
  );
  return due.length;
}

/** Queues a delivery again now (a person pressed "redeliver"); the event id stays the same. */
export function redeliver({ id, now = new Date() }: { id: number; now?: Date }): boolean {
  return (
    getDb()
      .update(deliveries)
      .set({ state: "pending", nextAttemptAt: now, lockedUntil: null })
      .where(and(eq(deliveries.id, id), inArray(deliveries.state, ["delivered", "failed"])))
      .run().changes === 1
  );
}

/**
 * Runs the outbox in this process: delivers as soon as something is queued and at every poll
 * (retries, and whatever a crash left queued), and sweeps for clock-driven changes.
 */
export function startOutboxWorker() {
  const { OUTBOX_POLL_MS, SWEEP_INTERVAL_MS } = getEnv();
  // One server owns the database file, so a claim still held is one a stopped process left.
  getDb()
    .update(deliveries)
    .set({ lockedUntil: null })
    .where(eq(deliveries.state, "pending"))
    .run();
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        while ((await deliverDue()) > 0);
      } while (again);
    } catch (error) {
      console.error("Outbox delivery failed:", error);
    } finally {
      running = false;
    }
  };
  let sweeping = false;
  let sweeps = 0;
  const runSweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const started = Date.now();
      const result = await sweep({ reconcile: sweeps === 0 });
      // The first one after start shows how long a sweep takes at this organisation's size.
      if (sweeps++ === 0) {
        console.log(
          `Start-up sweep: ${result.checked} certifications checked in ${Date.now() - started} ms.`,
        );
      }
      if (result.changed || result.reminders || result.digests) {
        console.log(
          `Sweep: ${result.changed} status changes, ${result.reminders} reminders, ${result.digests} digests queued.`,
        );
      }
    } catch (error) {
      console.error("Status sweep failed:", error);
    } finally {
      sweeping = false;
    }
  };
  const stopWaking = onOutboxWrite(() => void run());
  const poll = setInterval(() => void run(), OUTBOX_POLL_MS);
  const sweeper = setInterval(() => void runSweep(), SWEEP_INTERVAL_MS);
  void runSweep().then(run);
  return () => {
    stopWaking();
    clearInterval(poll);
    clearInterval(sweeper);
  };
}
