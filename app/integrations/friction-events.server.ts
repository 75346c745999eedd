import type { FrictionFlag, User } from "#db/schema";
import { enqueueEvent } from "./outbox.server";

/**
 * Writes the reply to the outbox, inside the transaction that stores it; the planner in
 * friction-notices.server.ts decides who hears of it.
 */
export function recordFrictionAnswered({
  flag,
  author,
  now,
}: {
  flag: FrictionFlag;
  author: User;
  now: Date;
}) {
  enqueueEvent({
    type: "friction.answered",
    data: {
      flagId: flag.id,
      product: flag.productSlug,
      module: flag.moduleSlug,
      headingId: flag.headingId,
      headingText: flag.headingText,
      note: flag.note,
      reply: flag.reply ?? "",
      authorName: author.name,
      readerId: flag.userId,
    },
    userId: flag.userId,
    now,
  });
}
