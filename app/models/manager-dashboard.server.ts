import type { User } from "#db/schema";
import type { Product } from "~/content/types";
import { listDueSoon } from "./due-soon";
import { getReadiness } from "./readiness.server";
import { getReadinessTrend } from "./readiness-trend.server";
import { clearedTotals } from "./readiness-view";
import { resolveViewerScope } from "./rep-scope.server";
import { getStalls } from "./stalls.server";
import { worstStall } from "./stalls";

/** A manager's (their team) or an admin's (everyone) home: shares, trend, due soon, stalls. */
export function getManagerDashboard({
  viewer,
  products,
  now = new Date(),
}: {
  viewer: User;
  products: Product[];
  now?: Date;
}) {
  const { scope, team } = resolveViewerScope({ viewer });
  if (!scope) return null;
  const readiness = getReadiness({ scope, products, now });
  const slugs = readiness.products.map((p) => p.slug);
  const due = listDueSoon({ rows: readiness.rows, products: readiness.products, now });
  return {
    scopeName: team?.name ?? "Every team",
    reps: readiness.rows.length,
    shares: clearedTotals({ rows: readiness.rows, productSlugs: slugs }).map((t, i) => ({
      ...t,
      productName: readiness.products[i].name,
    })),
    trend: getReadinessTrend({ scope, now }).map((w) => ({ ...w, end: w.end.toISOString() })),
    due: due.slice(0, 5).map((d) => ({
      repId: d.rep.id,
      repName: d.rep.name,
      productName: d.productName,
      kind: d.kind,
      due: d.due.toISOString(),
      daysLeft: d.daysLeft,
    })),
    dueCount: due.length,
    stalls: getStalls({ scope, products }).flatMap((s) => {
      const worst = worstStall(s.modules);
      return worst
        ? [
            {
              productName: s.productName,
              productSlug: s.productSlug,
              module: worst.title,
              stuck: worst.reached - worst.completed,
              reached: worst.reached,
            },
          ]
        : [];
    }),
  };
}
