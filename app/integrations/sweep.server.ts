import { and, eq, gt, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { repStatuses, sweptProducts, teams } from "#db/schema";
import type { Product } from "~/content/types";
import { loadCatalog } from "~/content/content.server";
import { getRepEligibility } from "~/models/eligibility-api.server";
import { syncRepStatus } from "~/models/rep-status.server";
import { getUserById } from "~/models/user.server";
import { getDb, immediateTransaction } from "~/utils/db.server";
import { dayMs } from "~/utils/dates";
import { enqueueEvent } from "./outbox.server";

export const lapseWarningDays = 7;
const sweepBatch = 100;

/** The ISO week of a date, as `2026-W49`, and when that week's digest may go: Monday 08:00 UTC. */
export function isoWeek(date: Date): { week: string; digestFrom: Date } {
  const day = (date.getUTCDay() + 6) % 7; // Monday 0
  const monday = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day),
  );
  const thursday = new Date(monday.getTime() + 3 * dayMs);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const n = Math.floor((thursday.getTime() - yearStart) / dayMs / 7) + 1;
  return {
    week: `${thursday.getUTCFullYear()}-W${String(n).padStart(2, "0")}`,
    digestFrom: new Date(monday.getTime() + 8 * 60 * 60 * 1000),
  };
}

/** What a product's standings depend on besides the clock: its served revisions and its policy. */
const fingerprintOf = (product: Product) =>
  JSON.stringify([product.policy, product.modules.map((m) => [m.slug, m.revision, m.status])]);

type Pair = { userId: string; productSlug: string };

/**
 * The standings a sweep re-checks: every one of a product whose revisions or policy changed since
 * the last sweep (also while the server was down) and those the clock has moved. Writes keep the
 * matrix in step with certifications in their own transaction; `reconcile` (the first sweep of a
 * process) also re-checks any certification it has not recorded, as written by an older version.
 */
export function pairsToCheck({
  changedSlugs,
  now,
  reconcile,
}: {
  changedSlugs: string[];
  now: Date;
  reconcile: boolean;
}): Pair[] {
  const db = getDb();
  const pairs = new Map<string, Pair>();
  const add = (rows: Pair[]) => {
    for (const row of rows) pairs.set(`${row.userId}\u0000${row.productSlug}`, row);
  };
  if (changedSlugs.length) {
    add(
      db
        .select({ userId: repStatuses.userId, productSlug: repStatuses.productSlug })
        .from(repStatuses)
        .where(inArray(repStatuses.productSlug, changedSlugs))
        .all(),
    );
  }
  if (reconcile) {
    // An expired certification is recorded without its id.
    add(
      db.all<Pair>(sql`
        SELECT c.user_id AS userId, c.product_slug AS productSlug
        FROM certifications c
        LEFT JOIN rep_statuses r ON r.user_id = c.user_id AND r.product_slug = c.product_slug
        WHERE c.state = 'active' AND (r.user_id IS NULL OR r.expires_at IS NOT c.expires_at
          OR (c.expires_at > ${now.getTime()} AND r.certification_id IS NOT c.id))`),
    );
  }
  add(
    db.all<Pair>(sql`
      SELECT user_id AS userId, product_slug AS productSlug FROM rep_statuses
      WHERE expires_at <= ${now.getTime()} AND status <> 'expired'`),
  );
  add(
    db.all<Pair>(sql`
      SELECT user_id AS userId, product_slug AS productSlug FROM rep_statuses
      WHERE status = 'refresh_due' AND refresh_deadline <= ${now.getTime()}`),
  );
  return [...pairs.values()];
}

/** The products whose standings depend on something other than last sweep's content. */
function changedSinceLastSweep(products: Product[]) {
  const swept = new Map(
    getDb()
      .select()
      .from(sweptProducts)
      .all()
      .map((row) => [row.productSlug, row.fingerprint]),
  );
  return products.filter((p) => swept.get(p.slug) !== fingerprintOf(p));
}

/**
 * Records that every standing of these products now matches their content, so later sweeps (and
 * the first after a restart) pass them by until their revisions or policy change.
 */
export function recordSwept({ products, now }: { products: Product[]; now: Date }) {
  immediateTransaction((db) => {
    for (const product of products) {
      const row = { fingerprint: fingerprintOf(product), sweptAt: now };
      db.insert(sweptProducts)
        .values({ productSlug: product.slug, ...row })
        .onConflictDoUpdate({ target: sweptProducts.productSlug, set: row })
        .run();
    }
  });
}

export type SweepResult = { checked: number; changed: number; reminders: number; digests: number };

/**
 * Finds what the clock and content edits changed: refreshes due after a module changed, lapses
 * once a grace period ends, expiries; and queues the reminders and digests that are due. Every
 * event it writes is guarded (status compare or dedupe key), so running it twice changes nothing.
 */
export async function sweep({
  now = new Date(),
  reconcile = false,
}: { now?: Date; reconcile?: boolean } = {}): Promise<SweepResult> {
  const db = getDb();
  const products = new Map((await loadCatalog()).map((p) => [p.slug, p]));
  const result: SweepResult = { checked: 0, changed: 0, reminders: 0, digests: 0 };

  const changed = changedSinceLastSweep([...products.values()]);
  const pairs = pairsToCheck({ changedSlugs: changed.map((p) => p.slug), now, reconcile });
  for (const [index, { userId, productSlug }] of pairs.entries()) {
    // The sweep runs on the request thread: at tens of thousands of certifications it would hold
    // every request for seconds, so it lets them through between small batches.
    if (index > 0 && index % sweepBatch === 0)
      await new Promise((resolve) => setImmediate(resolve));
    const product = products.get(productSlug);
    const user = getUserById({ id: userId });
    if (!product || !user) continue;
    result.checked++;
    if (syncRepStatus({ user, product, now })) result.changed++;
  }
  // Only once every standing of a changed product is checked: a sweep cut short starts over.
  if (changed.length) recordSwept({ products: changed, now });

  const warnFrom = new Date(now.getTime() + lapseWarningDays * dayMs);
  const dueSoon = db
    .select()
    .from(repStatuses)
    .where(
      and(
        eq(repStatuses.status, "refresh_due"),
        gt(repStatuses.refreshDeadline, now),
        lte(repStatuses.refreshDeadline, warnFrom),
      ),
    )
    .all();
  for (const row of dueSoon) {
    const product = products.get(row.productSlug);
    const user = getUserById({ id: row.userId });
    if (!product || !user || user.disabled) continue;
    const { answer, certificationId, refreshDeadline } = getRepEligibility({ user, product, now });
    if (answer.status !== "refresh_due") continue;
    const queued = immediateTransaction(() =>
      enqueueEvent({
        type: "reminder.lapse_warning",
        userId: user.id,
        now,
        dedupeKey: `lapse_warning:${user.id}:${product.slug}:${row.refreshDeadline?.getTime()}`,
        data: {
          ...answer,
          productName: product.name,
          previousStatus: answer.status,
          certificationId,
          refreshDeadline,
        },
      }),
    );
    if (queued) result.reminders++;
  }

  const { week, digestFrom } = isoWeek(now);
  if (now >= digestFrom) {
    const managers = db
      .select({ managerId: teams.managerId })
      .from(teams)
      .where(isNotNull(teams.managerId))
      .all();
    for (const { managerId } of managers) {
      const queued = immediateTransaction(() =>
        enqueueEvent({
          type: "digest.weekly",
          userId: null,
          now,
          dedupeKey: `digest.weekly:${managerId}:${week}`,
          data: { managerId: managerId!, week },
        }),
      );
      if (queued) result.digests++;
    }
  }
  return result;
}
