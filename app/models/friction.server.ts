import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { frictionFlags, users, type FrictionFlagState, type User } from "#db/schema";
import { recordFrictionAnswered } from "~/integrations/friction-events.server";
import { getDb, immediateTransaction } from "~/utils/db.server";
import { preparedQuery } from "~/utils/prepared-query.server";
import { randomToken } from "~/utils/secret-token.server";
import type { FrictionAnchor, FrictionCount } from "./friction-flag";
import { repIdsInScope, type ReadinessScope } from "./rep-scope.server";

export function createFrictionFlag({
  userId,
  productSlug,
  module,
  anchor,
  note,
  now = new Date(),
}: {
  userId: string;
  productSlug: string;
  module: { slug: string; revision: number; sourceHash: string };
  anchor: FrictionAnchor;
  note: string;
  now?: Date;
}) {
  return getDb()
    .insert(frictionFlags)
    .values({
      id: `fr_${randomToken(12)}`,
      userId,
      productSlug,
      moduleSlug: module.slug,
      moduleRevision: module.revision,
      sourceHash: module.sourceHash,
      headingId: anchor.id,
      headingText: anchor.text,
      note,
      state: "open",
      createdAt: now,
    })
    .returning()
    .get();
}

/** What one reader flagged on one module, newest first, with any reply. */
// On every module page a rep opens: built and compiled once.
const flagsOfReader = preparedQuery((db) =>
  db
    .select({ flag: frictionFlags, replierName: users.name })
    .from(frictionFlags)
    .leftJoin(users, eq(users.id, frictionFlags.repliedById))
    .where(
      and(
        eq(frictionFlags.userId, sql.placeholder("userId")),
        eq(frictionFlags.productSlug, sql.placeholder("productSlug")),
        eq(frictionFlags.moduleSlug, sql.placeholder("moduleSlug")),
      ),
    )
    .orderBy(desc(frictionFlags.createdAt))
    .prepare(),
);

export function listFlagsOfReader({
  userId,
  productSlug,
  moduleSlug,
}: {
  userId: string;
  productSlug: string;
  moduleSlug: string;
}) {
  return flagsOfReader().all({ userId, productSlug, moduleSlug });
}

export function getFrictionFlag({ id }: { id: string }) {
  return getDb().select().from(frictionFlags).where(eq(frictionFlags.id, id)).get() ?? null;
}

/** The inbox: flags in one state, optionally of one module, oldest first so nothing waits longest. */
export function listFrictionInbox({
  state,
  productSlug,
  moduleSlug,
}: {
  state: FrictionFlagState;
  productSlug?: string;
  moduleSlug?: string;
}) {
  return getDb()
    .select({ flag: frictionFlags, readerName: users.name })
    .from(frictionFlags)
    .innerJoin(users, eq(users.id, frictionFlags.userId))
    .where(
      and(
        eq(frictionFlags.state, state),
        productSlug ? eq(frictionFlags.productSlug, productSlug) : undefined,
        moduleSlug ? eq(frictionFlags.moduleSlug, moduleSlug) : undefined,
      ),
    )
    .orderBy(
      state === "open" ? asc(frictionFlags.createdAt) : desc(frictionFlags.resolvedAt),
      asc(frictionFlags.id),
    )
    .all();
}

const openCount = sql<number>`sum(case when ${frictionFlags.state} = 'open' then 1 else 0 end)`;
const resolvedCount = sql<number>`sum(case when ${frictionFlags.state} = 'resolved' then 1 else 0 end)`;

/** Open and resolved flags per module; for reps in `scope` only when one is given. */
export function countFrictionFlags({ scope }: { scope?: ReadinessScope } = {}): FrictionCount[] {
  return getDb()
    .select({
      productSlug: frictionFlags.productSlug,
      moduleSlug: frictionFlags.moduleSlug,
      open: openCount,
      resolved: resolvedCount,
    })
    .from(frictionFlags)
    .where(scope ? inArray(frictionFlags.userId, repIdsInScope(scope)) : undefined)
    .groupBy(frictionFlags.productSlug, frictionFlags.moduleSlug)
    .all();
}

export type AnswerFrictionResult = { ok: true } | { ok: false; status: 404 | 409; message: string };

/**
 * The author's reply, and whether that settles it. The reader hears of a new or changed reply
 * (one event, in the same transaction as the change).
 */
export function answerFrictionFlag({
  id,
  author,
  reply,
  resolve,
  now = new Date(),
}: {
  id: string;
  author: User;
  reply: string | null;
  resolve: boolean;
  now?: Date;
}): AnswerFrictionResult {
  return immediateTransaction((db) => {
    const flag = db.select().from(frictionFlags).where(eq(frictionFlags.id, id)).get();
    if (!flag) return { ok: false, status: 404, message: "That flag no longer exists." };
    const replyChanged = reply !== null && reply !== flag.reply;
    if (!replyChanged && (!resolve || flag.state === "resolved")) {
      return {
        ok: false,
        status: 409,
        message: resolve ? "This flag is already resolved." : "That reply is already sent.",
      };
    }
    const updated = db
      .update(frictionFlags)
      .set({
        ...(replyChanged ? { reply, repliedById: author.id, repliedAt: now } : {}),
        ...(resolve ? { state: "resolved" as const, resolvedAt: flag.resolvedAt ?? now } : {}),
      })
      .where(eq(frictionFlags.id, id))
      .returning()
      .get();
    if (replyChanged) recordFrictionAnswered({ flag: updated, author, now });
    return { ok: true };
  });
}

/** Puts a resolved flag back in the open tab. */
export function reopenFrictionFlag({ id }: { id: string }): AnswerFrictionResult {
  const reopened = getDb()
    .update(frictionFlags)
    .set({ state: "open", resolvedAt: null })
    .where(and(eq(frictionFlags.id, id), eq(frictionFlags.state, "resolved")))
    .returning({ id: frictionFlags.id })
    .get();
  if (reopened) return { ok: true };
  return getFrictionFlag({ id })
    ? { ok: false, status: 409, message: "This flag is already open." }
    : { ok: false, status: 404, message: "That flag no longer exists." };
}

/** Flags waiting for an author, for the navigation's count. */
export function countOpenFrictionFlags() {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(frictionFlags)
      .where(eq(frictionFlags.state, "open"))
      .get()?.n ?? 0
  );
}
