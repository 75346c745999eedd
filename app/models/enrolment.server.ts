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
