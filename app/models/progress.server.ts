import { and, eq, sql } from "drizzle-orm";
import { moduleProgress, type ModuleProgress } from "#db/schema";
import { getDb } from "~/utils/db.server";
import { preparedQuery } from "~/utils/prepared-query.server";

const progressOf = preparedQuery((db) =>
  db
    .select()
    .from(moduleProgress)
    .where(
      and(
        eq(moduleProgress.userId, sql.placeholder("userId")),
        eq(moduleProgress.productSlug, sql.placeholder("productSlug")),
      ),
    )
    .prepare(),
);

/** Records the first time a rep opens a module (later opens change nothing); true if it was. */
export function markModuleOpened({
  userId,
  productSlug,
  moduleSlug,
  now = new Date(),
}: {
  userId: string;
  productSlug: string;
  moduleSlug: string;
  now?: Date;
}): boolean {
  const { changes } = getDb()
    .insert(moduleProgress)
    .values({ userId, productSlug, moduleSlug, firstOpenedAt: now })
    .onConflictDoNothing()
    .run();
  return changes > 0;
}

export function listProgress({
  userId,
  productSlug,
}: {
  userId: string;
  productSlug: string;
}): ModuleProgress[] {
  return progressOf().all({ userId, productSlug });
}
