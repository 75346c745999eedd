import { inArray, sql } from "drizzle-orm";
import { moduleProgress } from "#db/schema";
import type { Product } from "~/content/types";
import { getDb } from "~/utils/db.server";
import { repIdsInScope, type ReadinessScope } from "./rep-scope.server";
import { summariseStalls, type ModuleStall } from "./stalls";

export type ProductStalls = { productSlug: string; productName: string; modules: ModuleStall[] };

/** Two set-based reads for every product: progress rows and each rep's first attempt per question. */
export function getStalls({
  scope,
  products,
}: {
  scope: ReadinessScope;
  products: Product[];
}): ProductStalls[] {
  const db = getDb();
  const progress = db
    .select({
      productSlug: moduleProgress.productSlug,
      moduleSlug: moduleProgress.moduleSlug,
      firstOpenedAt: moduleProgress.firstOpenedAt,
      completedAt: moduleProgress.completedAt,
    })
    .from(moduleProgress)
    .where(inArray(moduleProgress.userId, repIdsInScope(scope)))
    .all();
  const teamId = "teamId" in scope ? scope.teamId : null;
  const firstAttempts = db.all<{ productSlug: string; moduleSlug: string; correct: number }>(sql`
    SELECT product_slug AS productSlug, module_slug AS moduleSlug, correct FROM (
      SELECT product_slug, module_slug, correct, row_number() OVER (
        PARTITION BY user_id, product_slug, quiz_id ORDER BY attempted_at, id
      ) AS n
      FROM quiz_attempts
      WHERE user_id IN (
        SELECT id FROM users WHERE role = 'rep' AND (${teamId} IS NULL OR team_id = ${teamId})
      )
    ) WHERE n = 1`);
  return products.map((product) => ({
    productSlug: product.slug,
    productName: product.name,
    modules: summariseStalls({
      modules: product.modules.map((m) => ({ slug: m.slug, title: m.title })),
      progress: progress.filter((p) => p.productSlug === product.slug),
      firstAttempts: firstAttempts
        .filter((a) => a.productSlug === product.slug)
        .map((a) => ({ moduleSlug: a.moduleSlug, correct: Boolean(a.correct) })),
    }),
  }));
}
