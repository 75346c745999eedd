import { and, asc, eq, gte, inArray, min } from "drizzle-orm";
import { repIdsInScope, repsInScope, type ReadinessScope } from "./rep-scope.server";
import {
  certifications,
  enrolments,
  moduleProgress,
  moduleSources,
  quizAttempts,
  teams,
  users,
} from "#db/schema";
import type { Product } from "~/content/types";
import { getDb } from "~/utils/db.server";
import type { CertificationSnapshot, CertifiedModule, ProgressRow } from "./certification-status";
import { deriveCell, withScore, type ReadinessCell, type ReadinessProduct } from "./readiness";

export type ReadinessRep = {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
  teamId: string | null;
  teamName: string | null;
};

export type ReadinessRow = { rep: ReadinessRep; cells: ReadinessCell[] };

const key = (userId: string, productSlug: string) => `${userId}\u0000${productSlug}`;

function group<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Reps are served every module except one that never compiled (as `getStanding` counts them). */
export function readinessProducts(products: Product[]): ReadinessProduct[] {
  const seen = new Map(
    getDb()
      .select({
        productSlug: moduleSources.productSlug,
        moduleSlug: moduleSources.moduleSlug,
        revision: moduleSources.revision,
        seenAt: min(moduleSources.firstSeenAt),
      })
      .from(moduleSources)
      .groupBy(moduleSources.productSlug, moduleSources.moduleSlug, moduleSources.revision)
      .all()
      .map((r) => [`${r.productSlug}/${r.moduleSlug}@${r.revision}`, r.seenAt]),
  );
  return products.map((product) => {
    const served = product.modules.filter((m) => m.status !== "unavailable");
    return {
      slug: product.slug,
      name: product.name,
      policy: product.policy,
      quizIds: served.flatMap((m) => m.quizIds),
      modules: served.map((m) => ({
        slug: m.slug,
        title: m.title,
        revision: m.revision,
        revisionSeenAt: seen.get(`${product.slug}/${m.slug}@${m.revision}`) ?? null,
      })),
    };
  });
}

/**
 * Every rep × product in the scope, from five set-based reads (reps, certifications, rounds,
 * progress, module sources) plus one for the attempts of tracks done without a certification.
 */
export function getReadiness({
  scope,
  products,
  now = new Date(),
}: {
  scope: ReadinessScope;
  products: Product[];
  now?: Date;
}): { products: ReadinessProduct[]; rows: ReadinessRow[] } {
  const db = getDb();
  const tracks = readinessProducts(products);
  const reps = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      disabled: users.disabled,
      teamId: users.teamId,
      teamName: teams.name,
    })
    .from(users)
    .leftJoin(teams, eq(users.teamId, teams.id))
    .where(repsInScope(scope))
    .orderBy(asc(users.name), asc(users.email))
    .all();
  const ids = repIdsInScope(scope);
  const certs = new Map(
    db
      .select({
        userId: certifications.userId,
        productSlug: certifications.productSlug,
        issuedAt: certifications.issuedAt,
        expiresAt: certifications.expiresAt,
        modules: certifications.modules,
      })
      .from(certifications)
      .where(and(eq(certifications.state, "active"), inArray(certifications.userId, ids)))
      .all()
      .map((c): [string, CertificationSnapshot] => [
        key(c.userId, c.productSlug),
        {
          issuedAt: c.issuedAt,
          expiresAt: c.expiresAt,
          modules: JSON.parse(c.modules) as CertifiedModule[],
        },
      ]),
  );
  const rounds = new Map(
    db
      .select()
      .from(enrolments)
      .where(inArray(enrolments.userId, ids))
      .all()
      .map((e) => [key(e.userId, e.productSlug), e.roundStartedAt]),
  );
  const progress = group(
    db
      .select({
        userId: moduleProgress.userId,
        productSlug: moduleProgress.productSlug,
        moduleSlug: moduleProgress.moduleSlug,
        firstOpenedAt: moduleProgress.firstOpenedAt,
        completedAt: moduleProgress.completedAt,
        completedRevision: moduleProgress.completedRevision,
      })
      .from(moduleProgress)
      .where(inArray(moduleProgress.userId, ids))
      .all(),
    (p) => key(p.userId, p.productSlug),
  );

  const scored: { row: number; col: number; userId: string; since: Date }[] = [];
  const rows: ReadinessRow[] = reps.map((rep, row) => ({
    rep,
    cells: tracks.map((product, col) => {
      const k = key(rep.id, product.slug);
      const { cell, needsScoreSince } = deriveCell({
        product,
        certification: certs.get(k) ?? null,
        roundStartedAt: rounds.get(k) ?? null,
        progress: (progress.get(k) ?? []) as ProgressRow[],
        now,
      });
      if (needsScoreSince) scored.push({ row, col, userId: rep.id, since: needsScoreSince });
      return cell;
    }),
  }));

  if (scored.length) {
    const attempts = group(
      db
        .select({
          userId: quizAttempts.userId,
          productSlug: quizAttempts.productSlug,
          quizId: quizAttempts.quizId,
          correct: quizAttempts.correct,
          attemptedAt: quizAttempts.attemptedAt,
        })
        .from(quizAttempts)
        .where(
          and(
            inArray(quizAttempts.userId, [...new Set(scored.map((s) => s.userId))]),
            gte(
              quizAttempts.attemptedAt,
              new Date(Math.min(...scored.map((s) => s.since.getTime()))),
            ),
          ),
        )
        .orderBy(asc(quizAttempts.attemptedAt), asc(quizAttempts.id))
        .all(),
      (a) => key(a.userId, a.productSlug),
    );
    for (const s of scored) {
      const product = tracks[s.col];
      const own = (attempts.get(key(s.userId, product.slug)) ?? []).filter(
        (a) => a.attemptedAt >= s.since,
      );
      rows[s.row].cells[s.col] = withScore({
        cell: rows[s.row].cells[s.col],
        product,
        attempts: own,
      });
    }
  }
  return { products: tracks, rows };
}
