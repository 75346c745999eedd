import { and, desc, eq, inArray, sql } from "drizzle-orm";
import {
  deliveries,
  deliveryAttempts,
  outboxEvents,
  users,
  type DeliveryChannel,
  type DeliveryAttempt,
} from "#db/schema";
import { getDb } from "~/utils/db.server";

export type ChannelCounts = Record<
  DeliveryChannel,
  { pending: number; delivered: number; failed: number }
>;

export function countDeliveries(): ChannelCounts {
  const counts: ChannelCounts = {
    webhook: { pending: 0, delivered: 0, failed: 0 },
    xapi: { pending: 0, delivered: 0, failed: 0 },
    email: { pending: 0, delivered: 0, failed: 0 },
    slack: { pending: 0, delivered: 0, failed: 0 },
  };
  const rows = getDb()
    .select({ channel: deliveries.channel, state: deliveries.state, n: sql<number>`count(*)` })
    .from(deliveries)
    .groupBy(deliveries.channel, deliveries.state)
    .all();
  for (const row of rows) counts[row.channel][row.state] = row.n;
  return counts;
}

/** The newest deliveries, each with its event, the rep it concerns and every attempt. */
export function listDeliveries({
  channel,
  state,
  limit = 50,
}: {
  channel?: DeliveryChannel;
  state?: "pending" | "delivered" | "failed";
  limit?: number;
}) {
  const db = getDb();
  const rows = db
    .select({
      delivery: deliveries,
      eventId: outboxEvents.id,
      eventType: outboxEvents.type,
      repEmail: users.email,
    })
    .from(deliveries)
    .innerJoin(outboxEvents, eq(outboxEvents.seq, deliveries.eventSeq))
    .leftJoin(users, eq(users.id, outboxEvents.userId))
    .where(
      and(
        channel ? eq(deliveries.channel, channel) : undefined,
        state ? eq(deliveries.state, state) : undefined,
      ),
    )
    .orderBy(desc(deliveries.id))
    .limit(limit)
    .all();
  const ids = rows.map((r) => r.delivery.id);
  const attempts = ids.length
    ? db
        .select()
        .from(deliveryAttempts)
        .where(inArray(deliveryAttempts.deliveryId, ids))
        .orderBy(desc(deliveryAttempts.at))
        .all()
    : [];
  const byDelivery = new Map<number, DeliveryAttempt[]>();
  for (const a of attempts)
    byDelivery.set(a.deliveryId, [...(byDelivery.get(a.deliveryId) ?? []), a]);
  return rows.map((r) => ({ ...r, attempts: byDelivery.get(r.delivery.id) ?? [] }));
}

export function getDelivery({ id }: { id: number }) {
  return getDb().select().from(deliveries).where(eq(deliveries.id, id)).get() ?? null;
}
