import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, desc, eq, min, sql } from "drizzle-orm";
import {
  certifications,
  moduleProgress,
  moduleSources,
  type Certification,
  type ModuleProgress,
  type QuizAttempt,
} from "#db/schema";
import type { ModuleSummary, Product } from "~/content/types";
import { getDb, immediateTransaction, type Db } from "~/utils/db.server";
import { getDatabaseVersion } from "~/utils/db-version.server";
import {
  countingFrom,
  deriveCertificationStatus,
  type CertifiedModule,
  type StatusReport,
} from "./certification-status";
import { getRoundStartedAt } from "./enrolment.server";
import { listProgress } from "./progress.server";
import { firstAttemptScore, listAttempts, passedQuizIds } from "./quiz-attempt.server";
import { dayMs } from "~/utils/dates";
import { preparedQuery } from "~/utils/prepared-query.server";

const activeCertificationOf = preparedQuery((db) =>
  db
    .select()
    .from(certifications)
    .where(
      and(
        eq(certifications.userId, sql.placeholder("userId")),
        eq(certifications.productSlug, sql.placeholder("productSlug")),
        // Written out, not bound: SQLite uses the partial index (state = 'active') only for a literal.
        sql`${certifications.state} = 'active'`,
      ),
    )
    .prepare(),
);

const revisionsOf = preparedQuery((db) =>
  db
    .select({
      moduleSlug: moduleSources.moduleSlug,
      revision: moduleSources.revision,
      seenAt: min(moduleSources.firstSeenAt),
    })
    .from(moduleSources)
    .where(eq(moduleSources.productSlug, sql.placeholder("productSlug")))
    .groupBy(moduleSources.moduleSlug, moduleSources.revision)
    .prepare(),
);

export type CertificationWithModules = Omit<Certification, "modules"> & {
  modules: CertifiedModule[];
};

export function withModules(row: Certification): CertificationWithModules {
  return { ...row, modules: JSON.parse(row.modules) as CertifiedModule[] };
}

export function getActiveCertification({
  userId,
  productSlug,
}: {
  userId: string;
  productSlug: string;
}): CertificationWithModules | null {
  const row = activeCertificationOf().get({ userId, productSlug });
  return row ? withModules(row) : null;
}

export function getCertificationById({ id }: { id: string }): CertificationWithModules | null {
  const row = getDb().select().from(certifications).where(eq(certifications.id, id)).get();
  return row ? withModules(row) : null;
}

export function listCertificationsForUser({
  userId,
}: {
  userId: string;
}): CertificationWithModules[] {
  return getDb()
    .select()
    .from(certifications)
    .where(eq(certifications.userId, userId))
    .orderBy(desc(certifications.issuedAt))
    .all()
    .map(withModules);
}

/**
 * The modules a certification covers: every module reps are served. One that never compiled is
 * shown as unavailable and asked of nobody until it is served.
 */
export function servedModules(product: Product) {
  return product.modules.filter((m) => m.status !== "unavailable");
}

/** When each module's current revision was first seen, from the kept sources. */
// When each module revision was first served, per product: read for every standing, written
// only when content is built, so kept until the database changes.
const seenByDb = new WeakMap<
  Db,
  Map<string, { version: string; seen: Map<string, Date | null> }>
>();

function revisionDates(productSlug: string): Map<string, Date | null> {
  const db = getDb();
  const version = getDatabaseVersion();
  let byProduct = seenByDb.get(db);
  if (!byProduct) {
    byProduct = new Map();
    seenByDb.set(db, byProduct);
  }
  const cached = byProduct.get(productSlug);
  if (cached?.version === version) return cached.seen;
  const rows = revisionsOf().all({ productSlug });
  const seen = new Map(rows.map((r) => [`${r.moduleSlug}@${r.revision}`, r.seenAt]));
  byProduct.set(productSlug, { version, seen });
  return seen;
}

export function revisionsSeenAt({ product }: { product: Product }) {
  const seen = revisionDates(product.slug);
  return servedModules(product).map((m) => ({
    slug: m.slug,
    title: m.title,
    revision: m.revision,
    revisionSeenAt: seen.get(`${m.slug}@${m.revision}`) ?? null,
  }));
}

export type Standing = {
  report: StatusReport;
  certification: CertificationWithModules | null;
  /** First-attempt score of the current round, 0–1. */
  score: number;
  /** Every module is done but the first-attempt score missed the pass mark. */
  belowPassMark: boolean;
  countingFrom: Date;
  /** Quiz attempts that count: this round's, oldest first. */
  attempts: QuizAttempt[];
  progress: ModuleProgress[];
};

/** What a standing is derived from: one rep's rows on one product. */
export type StandingRows = {
  certification: CertificationWithModules | null;
  roundStartedAt: Date | null;
  progress: ModuleProgress[];
  /** This round's attempts (since `countingFrom`), oldest first. */
  attempts: QuizAttempt[];
};

/** A rep's standing on one product. Reads only; safe inside a transaction. */
export function getStanding({
  userId,
  product,
  now = new Date(),
}: {
  userId: string;
  product: Product;
  now?: Date;
}): Standing {
  const certification = getActiveCertification({ userId, productSlug: product.slug });
  const roundStartedAt = getRoundStartedAt({ userId, productSlug: product.slug });
  const progress = listProgress({ userId, productSlug: product.slug });
  const since = countingFrom({ certification, roundStartedAt, now });
  const attempts = listAttempts({ userId, productSlug: product.slug, since });
  return deriveStanding({
    product,
    rows: { certification, roundStartedAt, progress, attempts },
    now,
  });
}

/** The standing its rows give on a product at `now`. Pure: the reads are the caller's. */
export function deriveStanding({
  product,
  rows: { certification, roundStartedAt, progress, attempts },
  now,
  revisions = revisionsSeenAt({ product }),
}: {
  product: Product;
  rows: StandingRows;
  now: Date;
  /** `revisionsSeenAt` of the product, when the caller has it already. */
  revisions?: ReturnType<typeof revisionsSeenAt>;
}): Standing {
  const from = countingFrom({ certification, roundStartedAt, now });
  const report = deriveCertificationStatus({
    certification,
    policy: product.policy,
    modules: revisions,
    progress,
    attempts,
    roundStartedAt,
    now,
  });
  const modules = servedModules(product);
  const score = firstAttemptScore({ attempts, quizIds: modules.flatMap((m) => m.quizIds) });
  const trackDone = report.missingModules.length === 0 && modules.length > 0;
  const uncertified = report.status === "in_progress" || report.status === "expired";
  return {
    report,
    certification,
    score,
    belowPassMark: trackDone && uncertified && score < product.policy.passMark,
    countingFrom: from,
    attempts,
    progress,
  };
}

export type CompletionResult =
  | { ok: true; issued: CertificationWithModules | null; refreshed: boolean }
  | { ok: false; message: string };

/**
 * Marks a module complete once every knowledge check in it is passed, then issues or refreshes the
 * product certification if that completes the policy. One write transaction, so concurrent
 * submissions serialise and at most one certification is ever active.
 */
export function completeModule({
  userId,
  product,
  module,
  now = new Date(),
}: {
  userId: string;
  product: Product;
  module: ModuleSummary;
  now?: Date;
}): CompletionResult {
  return immediateTransaction((db) => {
    const { attempts } = getStanding({ userId, product, now });
    const passed = passedQuizIds({ attempts, module });
    const open = module.quizIds.filter((id) => !passed.has(id));
    if (open.length > 0) {
      return {
        ok: false,
        message: `Answer every knowledge check in this module correctly first (${open.length} left).`,
      };
    }
    const completion = {
      completedAt: now,
      completedRevision: module.revision,
      completedSourceHash: module.shownSourceHash ?? module.sourceHash,
    };
    db.insert(moduleProgress)
      .values({
        userId,
        productSlug: product.slug,
        moduleSlug: module.slug,
        firstOpenedAt: now,
        ...completion,
      })
      .onConflictDoUpdate({
        target: [moduleProgress.userId, moduleProgress.productSlug, moduleProgress.moduleSlug],
        set: completion,
      })
      .run();
    return settleCertification({ userId, product, now });
  });
}

function settleCertification({
  userId,
  product,
  now,
}: {
  userId: string;
  product: Product;
  now: Date;
}): CompletionResult {
  const db = getDb();
  const standing = getStanding({ userId, product, now });
  const { certification, report } = standing;
  const progress = new Map(standing.progress.map((p) => [p.moduleSlug, p]));
  const modules = servedModules(product);
  const snapshot = (): CertifiedModule[] =>
    modules.map((m) => ({
      slug: m.slug,
      title: m.title,
      revision: progress.get(m.slug)?.completedRevision ?? m.revision,
      sourceHash: progress.get(m.slug)?.completedSourceHash ?? m.sourceHash,
    }));

  if (certification && report.status !== "expired") {
    const behind =
      certification.modules.length !== modules.length ||
      certification.modules.some(
        (m) => modules.find((c) => c.slug === m.slug)?.revision !== m.revision,
      );
    if (report.modulesToRefresh.length === 0 && behind) {
      db.update(certifications)
        .set({ modules: JSON.stringify(snapshot()), refreshedAt: now })
        .where(eq(certifications.id, certification.id))
        .run();
      return { ok: true, issued: null, refreshed: true };
    }
    return { ok: true, issued: null, refreshed: false };
  }
  if (report.missingModules.length > 0 || standing.score < product.policy.passMark) {
    return { ok: true, issued: null, refreshed: false };
  }
  if (certification) {
    db.update(certifications)
      .set({ state: "superseded" })
      .where(eq(certifications.id, certification.id))
      .run();
  }
  const issued: Certification = {
    id: encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20))),
    userId,
    productSlug: product.slug,
    state: "active",
    issuedAt: now,
    expiresAt: new Date(now.getTime() + product.policy.validDays * dayMs),
    score: standing.score,
    modules: JSON.stringify(snapshot()),
    refreshedAt: null,
  };
  db.insert(certifications).values(issued).run();
  return { ok: true, issued: withModules(issued), refreshed: false };
}
