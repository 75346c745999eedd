import type { User } from "#db/schema";
import type { Product } from "~/content/types";
import { listDueSoon } from "./due-soon";
import { getReadiness } from "./readiness.server";
import { clearedTotals, selectMatrixRows, type MatrixQuery } from "./readiness-view";
import { resolveViewerScope } from "./rep-scope.server";
import { getStalls } from "./stalls.server";
import { worstStall } from "./stalls";

/** Everything /team shows a viewer: their matrix page, totals, what is due and where reps stall. */
export function getTeamOverview({
  viewer,
  query,
  products,
  now = new Date(),
}: {
  viewer: User;
  query: MatrixQuery;
  products: Product[];
  now?: Date;
}) {
  const { scope, team, teams } = resolveViewerScope({ viewer, teamId: query.team });
  const readiness = scope ? getReadiness({ scope, products, now }) : { products: [], rows: [] };
  const slugs = readiness.products.map((p) => p.slug);
  const page = selectMatrixRows({ rows: readiness.rows, productSlugs: slugs, query });
  const stalls = scope ? getStalls({ scope, products }) : [];
  return {
    team,
    teams,
    hasScope: scope !== null,
    repCount: readiness.rows.length,
    products: readiness.products.map((p) => ({ slug: p.slug, name: p.name })),
    totals: clearedTotals({ rows: readiness.rows, productSlugs: slugs }),
    page,
    due: listDueSoon({ rows: readiness.rows, products: readiness.products, now }),
    stalls: stalls.map((s) => ({ ...s, stuckSlug: worstStall(s.modules)?.slug ?? null })),
  };
}
