import { and, eq } from "drizzle-orm";
import { enrolments } from "#db/schema";
import { getDb } from "~/utils/db.server";

export function getRoundStartedAt({
  userId,
  productSlug,
}: {
  userId: string;
  productSlug: string;
}) {
  return (
    getDb()
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.userId, userId), eq(enrolments.productSlug, productSlug)))
      .get()?.roundStartedAt ?? null
  );
}

/** Starts the track over: earlier attempts and completions stop counting. */
export function restartTrack({
  userId,
  productSlug,
  now = new Date(),
}: {
  userId: string;
  productSlug: string;
  now?: Date;
}) {
  getDb()
    .insert(enrolments)
    .values({ userId, productSlug, roundStartedAt: now })
    .onConflictDoUpdate({
      target: [enrolments.userId, enrolments.productSlug],
      set: { roundStartedAt: now },
    })
    .run();
}
