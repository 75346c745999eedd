import type { User } from "#db/schema";
import type { Product } from "~/content/types";
import { dueWindowEnd, listDueSoon } from "./due-soon";
import { countDue, getClearedTotals, getMatrixPage, listDueStatuses } from "./readiness.server";
import type { MatrixQuery } from "./readiness-view";
import { resolveViewerScope } from "./rep-scope.server";
import { getStallSummary, getStalls } from "./stalls.server";
import { countTeams, listTeams, searchTeams } from "./team.server";
import { worstStall } from "./stalls";

/** The due list on the page; the CSV has every item. */
export const dueShown = 50;

/** Up to this many teams, an admin picks from a list; beyond it, types a name. */
const teamListLimit = 50;

export type TeamPicker =
  | { kind: "none" }
  | { kind: "list"; teams: { id: string; name: string }[] }
  | { kind: "search"; matches: { id: string; name: string }[] };

function getTeamPicker({ viewer, asked, found }: { viewer: User; asked?: string; found: boolean }) {
  if (viewer.role !== "admin") return { kind: "none" } satisfies TeamPicker;
  const pick = ({ id, name }: { id: string; name: string }) => ({ id, name });
  if (countTeams() <= teamListLimit) {
    return { kind: "list", teams: listTeams().map(pick) } satisfies TeamPicker;
  }
  const matches = asked && !found ? searchTeams({ text: asked, limit: 10 }).map(pick) : [];
  return { kind: "search", matches } satisfies TeamPicker;
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
    teamPicker: getTeamPicker({ viewer, asked: query.team, found: team !== null }) as TeamPicker,
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
