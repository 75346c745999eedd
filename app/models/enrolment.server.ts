import { and, eq, sql } from "drizzle-orm";
import { enrolments, type User } from "#db/schema";
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

/**
 * Whether a person is taking a product's track, so their own standing and pitch verdict mean
 * something: every rep is; an author, CSM, manager or admin only with an enrolment of their own.
 */
export function takesTrack({
  user,
  productSlug,
}: {
  user: Pick<User, "id" | "role">;
  productSlug: string;
}) {
  return user.role === "rep" || enrolmentOf().get({ userId: user.id, productSlug }) !== undefined;
}
