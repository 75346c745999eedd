import { expect, test } from "vitest";
import { dayMs } from "~/utils/dates";
import { listDueSoon as listDue, type DueStanding } from "./due-soon";

const now = new Date("2026-12-02T12:00:00Z");
const inDays = (n: number) => new Date(now.getTime() + n * dayMs);
type Cell = Omit<DueStanding, "rep" | "refreshModules"> & {
  modulesToRefresh: { slug: string; title: string }[];
};
const cell = (over: Partial<Cell>): Cell => ({
  productSlug: "p",
  status: "certified",
  expiresAt: inDays(200),
  refreshDeadline: null,
  modulesToRefresh: [],
  ...over,
});
const rep = (id: string) => ({ id, name: id, email: `${id}@x.test`, teamName: null });

/** The standings as the matrix keeps them, one per rep and product. */
function listDueSoon({
  now,
  products,
  rows,
}: {
  now: Date;
  products: { slug: string; name: string }[];
  rows: { rep: DueStanding["rep"]; cells: Cell[] }[];
}) {
  const modules = rows.flatMap((r) => r.cells.flatMap((c) => c.modulesToRefresh));
  return listDue({
    now,
    products: products.map((p) => ({ ...p, modules })),
    rows: rows.flatMap(({ rep, cells }) =>
      cells.map(({ modulesToRefresh, ...c }) => ({
        ...c,
        rep,
        refreshModules: modulesToRefresh.map((m) => m.slug),
      })),
    ),
  });
}

test("lists refresh deadlines and expiries inside 30 days, soonest first", () => {
  const items = listDueSoon({
    now,
    products: [{ slug: "p", name: "P" }],
    rows: [
      { rep: rep("expiring"), cells: [cell({ expiresAt: inDays(20) })] },
      {
        rep: rep("refreshing"),
        cells: [
          cell({
            status: "refresh_due",
            refreshDeadline: inDays(5),
            modulesToRefresh: [{ slug: "m", title: "M" }],
          }),
        ],
      },
      { rep: rep("later"), cells: [cell({ expiresAt: inDays(31) })] },
      // Already lapsed: overdue, not "due soon".
      { rep: rep("lapsed"), cells: [cell({ status: "lapsed", refreshDeadline: inDays(-2) })] },
    ],
  });
  expect(items.map((i) => [i.rep.id, i.kind, i.daysLeft])).toEqual([
    ["refreshing", "lapses", 5],
    ["expiring", "expires", 20],
  ]);
  expect(items[0].modules).toEqual([{ slug: "m", title: "M" }]);
});
