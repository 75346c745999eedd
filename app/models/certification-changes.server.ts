import { and, asc, eq, gte, sql, type SQL } from "drizzle-orm";
import { repStatuses, users } from "#db/schema";
import type { ChangeKey } from "~/api/change-cursor";
import { getDb } from "~/utils/db.server";

export type CertificationChangeRow = ChangeKey & { email: string };

/**
 * One page of rep × product statuses in (changedAt, userId, productSlug) order, starting after
 * `after`. The three-part key makes paging stable when many rows share one changedAt, and a row that
 * changes while a client pages moves behind the cursor, so it is read again rather than missed.
 */
export function listCertificationChanges({
  updatedSince,
  after,
  limit,
}: {
  updatedSince?: Date;
  after?: ChangeKey;
  limit: number;
}): { rows: CertificationChangeRow[]; next: ChangeKey | null } {
  const conditions: SQL[] = [];
  if (updatedSince) conditions.push(gte(repStatuses.changedAt, updatedSince));
  if (after) {
    conditions.push(
      sql`(${repStatuses.changedAt}, ${repStatuses.userId}, ${repStatuses.productSlug}) > (${after.changedAt.getTime()}, ${after.userId}, ${after.productSlug})`,
    );
  }
  const rows = getDb()
    .select({
      changedAt: repStatuses.changedAt,
      userId: repStatuses.userId,
      productSlug: repStatuses.productSlug,
      email: users.email,
    })
    .from(repStatuses)
    .innerJoin(users, eq(users.id, repStatuses.userId))
    .where(and(...conditions))
    .orderBy(asc(repStatuses.changedAt), asc(repStatuses.userId), asc(repStatuses.productSlug))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    next:
      rows.length > limit && last
        ? { changedAt: last.changedAt, userId: last.userId, productSlug: last.productSlug }
        : null,
  };
}
