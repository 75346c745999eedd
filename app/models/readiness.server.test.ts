import { expect, test } from "vitest";
import { repStatuses } from "#db/schema";
import { seedDemoOrganisation } from "#db/seed";
import { seedDemoActivity } from "#db/seed-activity";
import { loadCatalog } from "~/content/content.server";
import { sweep } from "~/integrations/sweep.server";
import { getDb } from "~/utils/db.server";
import { dayMs } from "~/utils/dates";
import { createUser, getUserById } from "./user.server";
import { getStanding } from "./certification.server";
import { isClearedToPitch, type CertificationStatus } from "./certification-status";
import { getClearedTotals, getMatrixPage } from "./readiness.server";
import { parseMatrixQuery } from "./readiness-view";
import { backfillRepStatuses } from "./rep-status.server";
import { canGrantRetake } from "./retake.server";
import { createTeam, getTeamByName } from "./team.server";

test("the kept matrix says what getStanding says, rep by rep, product by product", async () => {
  await seedDemoOrganisation({ log: () => {} });
  await seedDemoActivity({ log: () => {} });
  const products = await loadCatalog();
  const productSlugs = products.map((p) => p.slug);
  await backfillRepStatuses({ products });
  // Today, and later, when the refresh due has lapsed and certifications have expired: each
  // time after the sweep that runs every minute.
  for (const now of [
    new Date(),
    new Date(Date.now() + 20 * dayMs),
    new Date(Date.now() + 400 * dayMs),
  ]) {
    await sweep({ now });
    const { rows, total } = getMatrixPage({
      scope: { all: true },
      productSlugs,
      query: {},
      pageSize: 1000,
    });
    expect(total).toBe(9);
    const seen = new Set<string>();
    const stored = getDb().select().from(repStatuses).all();
    for (const row of rows) {
      row.cells.forEach((cell, i) => {
        const standing = getStanding({ userId: row.rep.id, product: products[i], now });
        const kept = stored.find(
          (s) => s.userId === row.rep.id && s.productSlug === cell.productSlug,
        );
        seen.add(cell.status);
        expect(
          {
            status: cell.status,
            progress: cell.progress,
            cleared: cell.cleared,
            retakeNeeded: cell.retakeNeeded,
            expiresAt: kept?.expiresAt ?? null,
            refreshDeadline: kept?.refreshDeadline ?? null,
            toRefresh: JSON.parse(kept?.refreshModules ?? "[]"),
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
  const { rows } = getMatrixPage({
    scope: { teamId: north.id },
    productSlugs: products.map((p) => p.slug),
    query: {},
  });
  expect(rows.map((r) => r.rep.email)).toHaveLength(4);
  for (const row of rows) expect(getUserById({ id: row.rep.id })?.teamId).toBe(north.id);
});

test("filters by status in one product or any, sorts worst first, pages, totals", async () => {
  const team = createTeam({ name: "Matrix team" });
  const productSlugs = ["one", "two"];
  const rep = async (name: string, one: CertificationStatus, two: CertificationStatus, p = 0) => {
    const user = await createUser({
      email: `${name.toLowerCase()}@matrix.test`,
      name,
      role: "rep",
      teamId: team.id,
      password: "correct horse battery",
    });
    for (const [productSlug, status, progress] of [
      ["one", one, p],
      ["two", two, 0],
    ] as const) {
      // A pair nobody started has no row.
      if (status === "not_started") continue;
      getDb()
        .insert(repStatuses)
        .values({
          userId: user.id,
          productSlug,
          status,
          progress,
          eligible: isClearedToPitch(status),
          changedAt: new Date(),
        })
        .run();
    }
  };
  await rep("Cleo", "certified", "in_progress");
  await rep("Abe", "in_progress", "lapsed", 0.5);
  await rep("Bo", "in_progress", "not_started", 0.25);
  await rep("Dee", "lapsed", "certified");
  const scope = { teamId: team.id };
  const names = (q: string, pageSize?: number) =>
    getMatrixPage({
      scope,
      productSlugs,
      query: parseMatrixQuery(new URLSearchParams(q)),
      pageSize,
    }).rows.map((r) => r.rep.name);
  expect(names("")).toEqual(["Abe", "Bo", "Cleo", "Dee"]);
  expect(names("dir=desc")).toEqual(["Dee", "Cleo", "Bo", "Abe"]);
  expect(names("status=lapsed")).toEqual(["Abe", "Dee"]);
  expect(names("status=lapsed&product=one")).toEqual(["Dee"]);
  expect(names("status=not_started")).toEqual(["Bo"]);
  expect(names("status=not_started&product=one")).toEqual([]);
  expect(names("sort=one")).toEqual(["Dee", "Abe", "Bo", "Cleo"]);
  expect(names("sort=one&dir=desc")).toEqual(["Cleo", "Bo", "Abe", "Dee"]);
  expect(names("sort=cleared")).toEqual(["Cleo", "Dee", "Abe", "Bo"]);
  expect(names("page=2", 3)).toEqual(["Dee"]);
  // Nonsense in the query string falls back to the default view instead of failing.
  expect(names("status=nope&page=-4&dir=sideways&product=zzz")).toEqual([
    "Abe",
    "Bo",
    "Cleo",
    "Dee",
  ]);
  const page = getMatrixPage({ scope, productSlugs, query: {} });
  expect(page.rows.find((r) => r.rep.name === "Abe")?.cells).toEqual([
    {
      productSlug: "one",
      status: "in_progress",
      cleared: false,
      progress: 0.5,
      retakeNeeded: false,
    },
    { productSlug: "two", status: "lapsed", cleared: false, progress: 0, retakeNeeded: false },
  ]);
  expect(getClearedTotals({ scope, productSlugs })).toEqual({
    reps: 4,
    perProduct: [
      { productSlug: "one", cleared: 1, reps: 4 },
      { productSlug: "two", cleared: 1, reps: 4 },
    ],
  });
});

test("everyone's totals are kept between writes and counted again after one", async () => {
  const productSlugs = ["one", "two"];
  const before = getClearedTotals({ scope: { all: true }, productSlugs });
  expect(getClearedTotals({ scope: { all: true }, productSlugs })).toEqual(before);
  const rep = await createUser({
    email: "newly-certified@matrix.test",
    name: "Newly Certified",
    role: "rep",
    password: "correct horse battery",
  });
  getDb()
    .insert(repStatuses)
    .values({
      userId: rep.id,
      productSlug: "two",
      status: "certified",
      progress: 1,
      eligible: true,
      changedAt: new Date(),
    })
    .run();
  const after = getClearedTotals({ scope: { all: true }, productSlugs });
  expect(after.reps).toBe(before.reps + 1);
  expect(after.perProduct.map((p) => p.cleared)).toEqual([
    before.perProduct[0].cleared,
    before.perProduct[1].cleared + 1,
  ]);
});
