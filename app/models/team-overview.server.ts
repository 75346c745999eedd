import type { User } from "#db/schema";
import type { Product } from "~/content/types";
import { dueWindowEnd, listDueSoon } from "./due-soon";
import { countDue, getClearedTotals, getMatrixPage, listDueStatuses } from "./readiness.server";
import type { MatrixQuery } from "./readiness-view";
import { resolveViewerScope } from "./rep-scope.server";
import { getStallSummary, getStalls } from "./stalls.server";
import { searchTeams } from "./team.server";
import { worstStall } from "./stalls";

/** The due list on the page; the CSV has every item. */
export const dueShown = 50;

/** How many teams a search lists: enough to pick from, few enough to read. */
export const teamMatchesShown = 10;

/** The teams an admin's search finds; null when nobody searched (or the viewer cannot pick). */
function findTeams({ viewer, text }: { viewer: User; text?: string }) {
  if (viewer.role !== "admin" || !text?.trim()) return null;
  const found = searchTeams({ text, limit: teamMatchesShown + 1 });
  return {
    teams: found.slice(0, teamMatchesShown).map(({ id, name }) => ({ id, name })),
    more: found.length > teamMatchesShown,
  };
}

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
  const { scope, team } = resolveViewerScope({ viewer, teamId: query.team });
  const productSlugs = products.map((p) => p.slug);
  const page = scope
    ? getMatrixPage({ scope, productSlugs, query })
    : { total: 0, page: 1, pages: 1, rows: [], column: null };
  const totals = scope ? getClearedTotals({ scope, productSlugs }) : { reps: 0, perProduct: [] };
  const until = dueWindowEnd(now);
  const due = scope
    ? listDueSoon({
        rows: listDueStatuses({ scope, now, until, limit: dueShown }),
        products,
        now,
      }).slice(0, dueShown)
    : [];
  const dueCount = scope ? countDue({ scope, now, until }) : 0;
  const stallSummary = scope ? getStallSummary({ scope, products }) : [];
  // One journey at a time: the one asked for, else where most reps are stuck.
  const charted =
    products.find((p) => p.slug === (query.stalls ?? query.product)) ??
    products.find(
      (p) => p.slug === [...stallSummary].sort((a, b) => b.stuck - a.stuck)[0]?.productSlug,
    ) ??
    products[0];
  const stalls = scope && charted ? getStalls({ scope, products: [charted] }) : [];
  return {
    team,
    teamMatches: findTeams({ viewer, text: query.teamSearch }),
    hasScope: scope !== null,
    repCount: totals.reps,
    products: products.map((p) => ({ slug: p.slug, name: p.name })),
    totals: totals.perProduct,
    page,
    due,
    dueCount,
    stallSummary,
    stalls: stalls.map((s) => ({ ...s, stuckSlug: worstStall(s.modules)?.slug ?? null })),
  };
}
