import { and, eq, sql } from "drizzle-orm";
import { repStatuses, type RepStatus, type User, type WebhookEvent } from "#db/schema";
import type { Product } from "~/content/types";
import type { CertificationEventData } from "~/integrations/events";
import { enqueueEvent } from "~/integrations/outbox.server";
import { getDb, immediateTransaction } from "~/utils/db.server";
import { getRepEligibility } from "./eligibility-api.server";
import { getUserById } from "./user.server";

type Announced = Pick<RepStatus, "status" | "certificationId" | "refreshModules">;

/** The event a change of status announces, if it is one a CRM or a person must hear of. */
export function transitionEvent(before: Announced | null, after: Announced): WebhookEvent | null {
  const previous = before?.status ?? null;
  const sameCertification = before?.certificationId === after.certificationId;
  switch (after.status) {
    case "certified":
      if (!sameCertification) return "certification.issued";
      return previous === "refresh_due" || previous === "lapsed" ? "certification.restored" : null;
    case "refresh_due": {
      // A second module changing during a refresh is news too: the rep has more to re-take.
      const had = new Set<string>(JSON.parse(before?.refreshModules ?? "[]") as string[]);
      const added = (JSON.parse(after.refreshModules) as string[]).some((m) => !had.has(m));
      return previous !== "refresh_due" || added ? "certification.refresh_due" : null;
    }
    case "lapsed":
      return previous !== "lapsed" ? "certification.lapsed" : null;
    case "expired":
      return previous !== "expired" && previous !== null ? "certification.expired" : null;
    default:
      return null;
  }
}

function getAnnounced({ userId, productSlug }: { userId: string; productSlug: string }) {
  return (
    getDb()
      .select()
      .from(repStatuses)
      .where(and(eq(repStatuses.userId, userId), eq(repStatuses.productSlug, productSlug)))
      .get() ?? null
  );
}

/**
 * Compares a rep's status on a product with the one last announced and, if it changed, records
 * it and queues the event, in one write transaction (joining the caller's, if any). A pair seen
 * for the first time is recorded as it stands without an event, unless `before` says what it was
 * just before the change being made (so the first certification is still announced).
 */
export function syncRepStatus({
  user,
  product,
  before,
  now = new Date(),
}: {
  user: User;
  product: Product;
  before?: Announced | null;
  now?: Date;
}): WebhookEvent | null {
  return immediateTransaction((db) => {
    const stored = getAnnounced({ userId: user.id, productSlug: product.slug });
    const { answer, certificationId, refreshDeadline, standing } = getRepEligibility({
      user,
      product,
      now,
    });
    const current: Announced = {
      status: answer.status,
      certificationId,
      refreshModules: JSON.stringify(answer.refreshDueModules.map((m) => m.slug)),
    };
    const cell = {
      progress: standing.report.progress,
      retakeNeeded: standing.belowPassMark,
      expiresAt: standing.report.expiresAt,
    };
    const previous = stored ?? before ?? null;
    const announcedUnchanged =
      stored &&
      stored.status === current.status &&
      stored.certificationId === current.certificationId &&
      stored.refreshModules === current.refreshModules &&
      stored.eligible === answer.eligible;
    if (announcedUnchanged) {
      // Progress and score move the matrix, not the changes feed: `changedAt` stays.
      const cellUnchanged =
        stored.progress === cell.progress &&
        stored.retakeNeeded === cell.retakeNeeded &&
        stored.expiresAt?.getTime() === cell.expiresAt?.getTime();
      if (!cellUnchanged) {
        db.update(repStatuses)
          .set(cell)
          .where(and(eq(repStatuses.userId, user.id), eq(repStatuses.productSlug, product.slug)))
          .run();
      }
      return null;
    }
    const row = {
      ...current,
      ...cell,
      eligible: answer.eligible,
      refreshDeadline: refreshDeadline ? new Date(refreshDeadline) : null,
      changedAt: now,
    };
    db.insert(repStatuses)
      .values({ userId: user.id, productSlug: product.slug, ...row })
      .onConflictDoUpdate({ target: [repStatuses.userId, repStatuses.productSlug], set: row })
      .run();
    const type = stored || before ? transitionEvent(previous, current) : null;
    if (!type) return null;
    const data: CertificationEventData = {
      ...answer,
      productName: product.name,
      previousStatus: previous?.status ?? null,
      certificationId,
      refreshDeadline,
    };
    enqueueEvent({ type, data, userId: user.id, now });
    return type;
  });
}

/** The status as it stands, for `before` when a change is about to be made. */
export function currentAnnouncement({
  user,
  product,
  now = new Date(),
}: {
  user: User;
  product: Product;
  now?: Date;
}): Announced {
  const { answer, certificationId } = getRepEligibility({ user, product, now });
  return {
    status: answer.status,
    certificationId,
    refreshModules: JSON.stringify(answer.refreshDueModules.map((m) => m.slug)),
  };
}

/**
 * Records the standing of every pair with activity that the readiness matrix does not know yet:
 * rows from before it kept progress, and activity written without a submission (the demo seed, a
 * generated organisation). New activity is recorded as it is submitted.
 */
export async function backfillRepStatuses({
  products,
  now = new Date(),
  onProgress,
}: {
  products: Product[];
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}): Promise<number> {
  const bySlug = new Map(products.map((p) => [p.slug, p]));
  const pairs = getDb().all<{ userId: string; productSlug: string }>(sql`
    SELECT DISTINCT user_id AS userId, product_slug AS productSlug FROM module_progress
    WHERE (user_id, product_slug) NOT IN (
      SELECT user_id, product_slug FROM rep_statuses WHERE progress IS NOT NULL
    )`);
  let done = 0;
  for (const { userId, productSlug } of pairs) {
    const product = bySlug.get(productSlug);
    const user = getUserById({ id: userId });
    if (product && user?.role === "rep") syncRepStatus({ user, product, now });
    // Between batches, requests (and a progress line) get their turn.
    if (++done % 500 === 0) {
      onProgress?.(done, pairs.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (pairs.length) onProgress?.(pairs.length, pairs.length);
  return pairs.length;
}
