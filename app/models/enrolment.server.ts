import { and, eq, sql } from "drizzle-orm";
import { enrolments } from "#db/schema";
import { preparedQuery } from "~/utils/prepared-query.server";

const enrolmentOf = preparedQuery((db) =>
  db
    .select({ roundStartedAt: enrolments.roundStartedAt })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.userId, sql.placeholder("userId")),
        eq(enrolments.productSlug, sql.placeholder("productSlug")),
      ),
    )
    .prepare(),
);

export function getRoundStartedAt({
  userId,
  productSlug,
}: {
  userId: string;
  productSlug: string;
}) {
  return enrolmentOf().get({ userId, productSlug })?.roundStartedAt ?? null;
}
