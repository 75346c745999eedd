import type { User } from "#db/schema";
import type { Product } from "~/content/types";
import { dueWindowEnd, listDueSoon } from "./due-soon";
import { countDue, getClearedTotals, listDueStatuses } from "./readiness.server";
import { getReadinessTrend } from "./readiness-trend.server";
import { resolveViewerScope } from "./rep-scope.server";
import { getStallSummary } from "./stalls.server";

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
  const productSlugs = products.map((p) => p.slug);
  const totals = getClearedTotals({ scope, productSlugs });
  const until = dueWindowEnd(now);
  const due = listDueSoon({
    rows: listDueStatuses({ scope, now, until, limit: 5 }),
    products,
    now,
  });
  return {
    scopeName: team?.name ?? "Every team",
    reps: totals.reps,
    shares: totals.perProduct.map((t, i) => ({ ...t, productName: products[i].name })),
    trend: getReadinessTrend({ scope, now }).map((w) => ({ ...w, end: w.end.toISOString() })),
    due: due.slice(0, 5).map((d) => ({
      repId: d.rep.id,
      repName: d.rep.name,
      productName: d.productName,
      kind: d.kind,
      due: d.due.toISOString(),
      daysLeft: d.daysLeft,
    })),
    dueCount: countDue({ scope, now, until }),
    stalls: getStallSummary({ scope, products }).map((s) => ({
      productName: s.productName,
      productSlug: s.productSlug,
      module: s.module.title,
      stuck: s.stuck,
      reached: s.reached,
    })),
  };
}
