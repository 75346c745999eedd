import { enrolments, trackRetakes } from "#db/schema";
import type { Product } from "~/content/types";
import { immediateTransaction } from "~/utils/db.server";
import { getStanding, type Standing } from "./certification.server";
import { syncRepStatus } from "./rep-status.server";
import { getUserById } from "./user.server";

/**
 * A new round wipes the first-attempt score, so a rep can never start one themselves: the answers
 * they saw would raise it. Only a finished track below the pass mark may be re-taken, on a grant.
 */
export function canGrantRetake(standing: Standing) {
  return standing.belowPassMark;
}

export type RetakeResult = { ok: true } | { ok: false; message: string };

/** Starts the rep's track over on a manager's grant: earlier attempts and completions stop counting. */
export function grantRetake({
  userId,
  product,
  grantedById,
  now = new Date(),
}: {
  userId: string;
  product: Product;
  grantedById: string;
  now?: Date;
}): RetakeResult {
  return immediateTransaction((db) => {
    const standing = getStanding({ userId, product, now });
    if (!canGrantRetake(standing)) {
      return {
        ok: false,
        message: "A re-take can only be granted once the whole track is done below the pass mark.",
      };
    }
    db.insert(trackRetakes)
      .values({
        userId,
        productSlug: product.slug,
        grantedById,
        grantedAt: now,
        scoreBefore: standing.score,
      })
      .run();
    db.insert(enrolments)
      .values({ userId, productSlug: product.slug, roundStartedAt: now })
      .onConflictDoUpdate({
        target: [enrolments.userId, enrolments.productSlug],
        set: { roundStartedAt: now },
      })
      .run();
    const user = getUserById({ id: userId });
    if (user) syncRepStatus({ user, product, now });
    return { ok: true };
  });
}
