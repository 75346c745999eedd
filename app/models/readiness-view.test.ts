import { expect, test } from "vitest";
import type { CertificationStatus } from "./certification-status";
import { clearedTotals, parseMatrixQuery, selectMatrixRows } from "./readiness-view";

const cell = (status: CertificationStatus, progress = 0) => ({
  productSlug: "x",
  status,
  cleared: status === "certified" || status === "refresh_due",
  progress,
  completedModules: 0,
  moduleCount: 4,
  retakeNeeded: false,
  expiresAt: null,
  refreshDeadline: null,
  modulesToRefresh: [],
  missingModules: [],
});
const row = (name: string, a: CertificationStatus, b: CertificationStatus, p = 0) => ({
  rep: { name, email: `${name}@x.test` },
  cells: [cell(a, p), cell(b)],
});
const rows = [
  row("Cleo", "certified", "in_progress"),
  row("Abe", "in_progress", "lapsed", 0.5),
  row("Bo", "in_progress", "not_started", 0.25),
  row("Dee", "lapsed", "certified"),
];
const productSlugs = ["one", "two"];

test("filters by status in one product or any, sorts worst first, pages", () => {
  const names = (q: string, pageSize?: number) =>
    selectMatrixRows({
      rows,
      productSlugs,
      query: parseMatrixQuery(new URLSearchParams(q)),
      pageSize,
    }).rows.map((r) => r.rep.name);
  expect(names("")).toEqual(["Abe", "Bo", "Cleo", "Dee"]);
  expect(names("status=lapsed")).toEqual(["Abe", "Dee"]);
  expect(names("status=lapsed&product=one")).toEqual(["Dee"]);
  expect(names("sort=one")).toEqual(["Dee", "Abe", "Bo", "Cleo"]);
  expect(names("sort=one&dir=desc")).toEqual(["Cleo", "Bo", "Abe", "Dee"]);
  expect(names("sort=cleared")).toEqual(["Cleo", "Dee", "Abe", "Bo"]);
  expect(names("page=2", 3)).toEqual(["Dee"]);
  // Nonsense in the query string falls back to the default view instead of failing.
  expect(names("status=nope&page=-4&dir=sideways")).toEqual(["Abe", "Bo", "Cleo", "Dee"]);
});

test("totals count reps cleared to pitch per product", () => {
  expect(clearedTotals({ rows, productSlugs })).toEqual([
    { productSlug: "one", cleared: 1, reps: 4 },
    { productSlug: "two", cleared: 1, reps: 4 },
  ]);
});
