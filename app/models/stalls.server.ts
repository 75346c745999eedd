import { sql } from "drizzle-orm";
import type { Product } from "~/content/types";
import { getDb } from "~/utils/db.server";
import { aggregateFor, type ReadinessScope } from "./rep-scope.server";
import { summariseStalls, worstStall, type ModuleStall } from "./stalls";

export type ProductStalls = { productSlug: string; productName: string; modules: ModuleStall[] };

const repsIn = (scope: ReadinessScope) =>
  "teamId" in scope
    ? sql`SELECT id FROM users WHERE role = 'rep' AND team_id = ${scope.teamId}`
    : sql`SELECT id FROM users WHERE role = 'rep'`;

/** Per product, each module's progress rows and each rep's first attempt at its questions. */
export function getStalls({
  scope,
  products,
}: {
  scope: ReadinessScope;
  products: Product[];
}): ProductStalls[] {
  return products.map((product) =>
    aggregateFor(scope, `stalls:${product.slug}`, () => {
      const db = getDb();
      const progress = db
        .all<{ moduleSlug: string; firstOpenedAt: number; completedAt: number | null }>(
          sql`SELECT module_slug AS moduleSlug, first_opened_at AS firstOpenedAt,
            completed_at AS completedAt
          FROM module_progress
          WHERE product_slug = ${product.slug} AND user_id IN (${repsIn(scope)})`,
        )
        .map((p) => ({
          moduleSlug: p.moduleSlug,
          firstOpenedAt: new Date(p.firstOpenedAt),
          completedAt: p.completedAt === null ? null : new Date(p.completedAt),
        }));
      const firstAttempts = db.all<{ moduleSlug: string; correct: number }>(sql`
        SELECT module_slug AS moduleSlug, correct FROM (
          SELECT module_slug, correct, row_number() OVER (
            PARTITION BY user_id, quiz_id ORDER BY attempted_at, id
          ) AS n
          FROM quiz_attempts
          WHERE product_slug = ${product.slug} AND user_id IN (${repsIn(scope)})
        ) WHERE n = 1`);
      return {
        productSlug: product.slug,
        productName: product.name,
        modules: summariseStalls({
          modules: product.modules.map((m) => ({ slug: m.slug, title: m.title })),
          progress,
          firstAttempts: firstAttempts.map((a) => ({
            moduleSlug: a.moduleSlug,
            correct: Boolean(a.correct),
          })),
        }),
      };
    }),
  );
}

export type StallSummary = {
  productSlug: string;
  productName: string;
  module: { slug: string; title: string };
  stuck: number;
  reached: number;
};

/** Per product, the module where most reps who opened it have not completed it, from counts. */
export function getStallSummary({
  scope,
  products,
}: {
  scope: ReadinessScope;
  products: Product[];
}): StallSummary[] {
  const counts = aggregateFor(scope, "stall-counts", () =>
    getDb().all<{ productSlug: string; moduleSlug: string; reached: number; completed: number }>(
      sql`SELECT product_slug AS productSlug, module_slug AS moduleSlug, count(*) AS reached,
        count(completed_at) AS completed
      FROM module_progress WHERE user_id IN (${repsIn(scope)})
      GROUP BY product_slug, module_slug`,
    ),
  );
  return products.flatMap((product) => {
    const modules = product.modules.map((m) => {
      const c = counts.find((r) => r.productSlug === product.slug && r.moduleSlug === m.slug);
      return {
        slug: m.slug,
        title: m.title,
        reached: c?.reached ?? 0,
        completed: c?.completed ?? 0,
        medianMinutes: null,
        firstAttemptFailureRate: null,
        firstAttempts: 0,
      };
    });
    const worst = worstStall(modules);
    return worst
      ? [
          {
            productSlug: product.slug,
            productName: product.name,
            module: { slug: worst.slug, title: worst.title },
            stuck: worst.reached - worst.completed,
            reached: worst.reached,
          },
        ]
      : [];
  });
}
