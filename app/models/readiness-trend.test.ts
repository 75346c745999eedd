import { expect, test } from "vitest";
import { dayMs } from "~/utils/dates";
import { weeklyTrend } from "./readiness-trend";

const now = new Date("2026-12-02T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * dayMs);

test("a certification counts from its issue until it expires or is re-issued", () => {
  const trend = weeklyTrend({
    now,
    weeks: 4,
    certifications: [
      { userId: "a", productSlug: "p", issuedAt: daysAgo(20), expiresAt: daysAgo(-300) },
      // Expired 10 days ago.
      { userId: "b", productSlug: "p", issuedAt: daysAgo(400), expiresAt: daysAgo(10) },
      // Re-issued: the old one stops counting when the new one starts.
      { userId: "c", productSlug: "p", issuedAt: daysAgo(100), expiresAt: daysAgo(-200) },
      { userId: "c", productSlug: "p", issuedAt: daysAgo(3), expiresAt: daysAgo(-362) },
    ],
    completions: [daysAgo(1), daysAgo(2), daysAgo(9), daysAgo(27)],
  });
  expect(trend.map((w) => w.held)).toEqual([2, 3, 2, 2]);
  expect(trend.map((w) => w.completions)).toEqual([1, 0, 1, 2]);
  expect(trend.at(-1)?.end).toEqual(now);
});
