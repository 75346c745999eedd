import { expect, test } from "vitest";
import { seedDemoOrganisation } from "#db/seed";
import { seedDemoActivity } from "#db/seed-activity";
import { loadCatalog } from "~/content/content.server";
import { getUserById } from "./user.server";
import { getStanding } from "./certification.server";
import { isClearedToPitch } from "./certification-status";
import { getReadiness } from "./readiness.server";
import { canGrantRetake } from "./retake.server";
import { getTeamByName } from "./team.server";
import { dayMs } from "~/utils/dates";

test("the set-based matrix says what getStanding says, rep by rep, product by product", async () => {
  await seedDemoOrganisation({ log: () => {} });
  await seedDemoActivity({ log: () => {} });
  const products = await loadCatalog();
  // Today, and later, when the refresh due has lapsed and certifications have expired.
  for (const now of [
    new Date(),
    new Date(Date.now() + 20 * dayMs),
    new Date(Date.now() + 400 * dayMs),
  ]) {
    const { rows } = getReadiness({ scope: { all: true }, products, now });
    expect(rows).toHaveLength(7);
    const seen = new Set<string>();
    for (const row of rows) {
      row.cells.forEach((cell, i) => {
        const standing = getStanding({ userId: row.rep.id, product: products[i], now });
        seen.add(cell.status);
        expect(
          {
            status: cell.status,
            progress: cell.progress,
            cleared: cell.cleared,
            retakeNeeded: cell.retakeNeeded,
            expiresAt: cell.expiresAt,
            refreshDeadline: cell.refreshDeadline,
            toRefresh: cell.modulesToRefresh.map((m) => m.slug),
          },
          `${row.rep.email} on ${products[i].slug}`,
        ).toEqual({
          status: standing.report.status,
          progress: standing.report.progress,
          cleared: isClearedToPitch(standing.report.status),
          retakeNeeded: canGrantRetake(standing),
          expiresAt: standing.report.expiresAt,
          refreshDeadline: standing.report.refreshDeadline,
          toRefresh: standing.report.modulesToRefresh.map((m) => m.slug),
        });
      });
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  }
}, 60_000);

test("a team's matrix holds that team's reps and nobody else", async () => {
  // The demo seeded by the test above.
  const products = await loadCatalog();
  const north = getTeamByName({ name: "Team North" })!;
  const { rows } = getReadiness({ scope: { teamId: north.id }, products });
  expect(rows.map((r) => r.rep.email)).toHaveLength(4);
  for (const row of rows) expect(getUserById({ id: row.rep.id })?.teamId).toBe(north.id);
});
