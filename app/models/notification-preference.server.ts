import { and, eq, inArray } from "drizzle-orm";
import { notificationOptOuts, type NotificationKind } from "#db/schema";
import { getDb, immediateTransaction } from "~/utils/db.server";

/** The kinds this person turned off; every other kind is on. */
export function listNotificationOptOuts({ userId }: { userId: string }): NotificationKind[] {
  return getDb()
    .select({ kind: notificationOptOuts.kind })
    .from(notificationOptOuts)
    .where(eq(notificationOptOuts.userId, userId))
    .all()
    .map((row) => row.kind);
}

export function isNotificationOn({
  userId,
  kind,
}: {
  userId: string;
  kind: NotificationKind;
}): boolean {
  const row = getDb()
    .select({ kind: notificationOptOuts.kind })
    .from(notificationOptOuts)
    .where(and(eq(notificationOptOuts.userId, userId), eq(notificationOptOuts.kind, kind)))
    .get();
  return !row;
}

/** Sets each of `kinds` on or off: on when it is in `enabled`. Kinds not listed keep their setting. */
export function setNotificationPreferences({
  userId,
  kinds,
  enabled,
  now = new Date(),
}: {
  userId: string;
  kinds: readonly NotificationKind[];
  enabled: readonly NotificationKind[];
  now?: Date;
}) {
  const on = kinds.filter((kind) => enabled.includes(kind));
  const off = kinds.filter((kind) => !enabled.includes(kind));
  immediateTransaction((db) => {
    if (on.length) {
      db.delete(notificationOptOuts)
        .where(and(eq(notificationOptOuts.userId, userId), inArray(notificationOptOuts.kind, on)))
        .run();
    }
    if (off.length) {
      db.insert(notificationOptOuts)
        .values(off.map((kind) => ({ userId, kind, createdAt: now })))
        .onConflictDoNothing()
        .run();
    }
  });
}
