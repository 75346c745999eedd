import { and, eq, getTableColumns, gte, sql } from "drizzle-orm";
import {
  certifications,
  enrolments,
  moduleProgress,
  quizAttempts,
  type ModuleProgress,
  type QuizAttempt,
} from "#db/schema";
import type { Product } from "~/content/types";
import { preparedQuery } from "~/utils/prepared-query.server";
import {
  deriveStanding,
  revisionsSeenAt,
  withModules,
  type Standing,
} from "./certification.server";
import { countingFrom } from "./certification-status";

// Many standings at once (a rep's home, an eligibility batch) read each table once for every
// pair, instead of four indexed reads per pair: the pairs go in as one JSON array and SQLite
// joins them to the same indexes the single read uses.
const pairs = sql`json_each(${sql.placeholder("pairs")}) AS pair`;
const pairKey = sql<number>`pair.key`.as("pair_key");
const pairUser = sql`pair.value ->> 'u'`;
const pairProduct = sql`pair.value ->> 'p'`;

const activeCertifications = preparedQuery((db) =>
  db
    .select({ pairKey, ...getTableColumns(certifications) })
    .from(pairs)
    .innerJoin(
      certifications,
      and(
        eq(certifications.userId, pairUser),
        eq(certifications.productSlug, pairProduct),
        // Written out, not bound: SQLite uses the partial index (state = 'active') only for a literal.
        sql`${certifications.state} = 'active'`,
      ),
    )
    .prepare(),
);

const roundStarts = preparedQuery((db) =>
  db
    .select({ pairKey, roundStartedAt: enrolments.roundStartedAt })
    .from(pairs)
    .innerJoin(
      enrolments,
      and(eq(enrolments.userId, pairUser), eq(enrolments.productSlug, pairProduct)),
    )
    .prepare(),
);

const progressRows = preparedQuery((db) =>
  db
    .select({ pairKey, ...getTableColumns(moduleProgress) })
    .from(pairs)
    .innerJoin(
      moduleProgress,
      and(eq(moduleProgress.userId, pairUser), eq(moduleProgress.productSlug, pairProduct)),
    )
    .prepare(),
);

const attemptRows = preparedQuery((db) =>
  db
    .select({ pairKey, ...getTableColumns(quizAttempts) })
    .from(pairs)
    .innerJoin(
      quizAttempts,
      and(
        eq(quizAttempts.userId, pairUser),
        eq(quizAttempts.productSlug, pairProduct),
        gte(quizAttempts.attemptedAt, sql`pair.value ->> 's'`),
      ),
    )
    .prepare(),
);

function byPair<T extends { pairKey: number }>(rows: T[], count: number): Omit<T, "pairKey">[][] {
  const grouped: Omit<T, "pairKey">[][] = Array.from({ length: count }, () => []);
  for (const { pairKey: key, ...row } of rows) grouped[key].push(row);
  return grouped;
}

/** Each rep's standing on each product asked, in the order asked. Reads only. */
export function getStandings({
  of,
  now = new Date(),
}: {
  of: { userId: string; product: Product }[];
  now?: Date;
}): Standing[] {
  if (of.length === 0) return [];
  const asked = JSON.stringify(of.map(({ userId, product }) => ({ u: userId, p: product.slug })));
  const certificationOf = new Map(
    activeCertifications()
      .all({ pairs: asked })
      .map(({ pairKey: key, ...row }) => [key, withModules(row)]),
  );
  const roundStartOf = new Map(
    roundStarts()
      .all({ pairs: asked })
      .map((r) => [r.pairKey, r.roundStartedAt]),
  );
  const counted = of.map(({ userId, product }, key) => ({
    u: userId,
    p: product.slug,
    s: countingFrom({
      certification: certificationOf.get(key) ?? null,
      roundStartedAt: roundStartOf.get(key) ?? null,
      now,
    }).getTime(),
  }));
  const since = JSON.stringify(counted);
  const progress = byPair(progressRows().all({ pairs: since }), of.length) as ModuleProgress[][];
  const attempts = byPair(attemptRows().all({ pairs: since }), of.length) as QuizAttempt[][];
  const revisions = new Map<string, ReturnType<typeof revisionsSeenAt>>();
  for (const { product } of of)
    if (!revisions.has(product.slug)) revisions.set(product.slug, revisionsSeenAt({ product }));
  return of.map(({ product }, key) =>
    deriveStanding({
      revisions: revisions.get(product.slug),
      product,
      rows: {
        certification: certificationOf.get(key) ?? null,
        roundStartedAt: roundStartOf.get(key) ?? null,
        progress: progress[key],
        attempts: attempts[key].sort(
          (a, b) => a.attemptedAt.getTime() - b.attemptedAt.getTime() || a.id - b.id,
        ),
      },
      now,
    }),
  );
}
