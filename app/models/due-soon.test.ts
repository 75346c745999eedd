import { expect, test } from "vitest";
import { dayMs } from "~/utils/dates";
import { listDueSoon } from "./due-soon";
import type { ReadinessCell } from "./readiness";

const now = new Date("2026-12-02T12:00:00Z");
const inDays = (n: number) => new Date(now.getTime() + n * dayMs);
const cell = (over: Partial<ReadinessCell>): ReadinessCell => ({
  productSlug: "p",
  status: "certified",
  cleared: true,
  progress: 1,
  completedModules: 3,
  moduleCount: 3,
  retakeNeeded: false,
  expiresAt: inDays(200),
  refreshDeadline: null,
  modulesToRefresh: [],
  missingModules: [],
  ...over,
});
const rep = (id: string) => ({ id, name: id, email: `${id}@x.test`, teamName: null });

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
