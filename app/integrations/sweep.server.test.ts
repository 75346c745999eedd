import { and, eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { certifications, repStatuses, sweptProducts } from "#db/schema";
import { seedDemoOrganisation } from "#db/seed";
import { seedDemoActivity } from "#db/seed-activity";
import { loadCatalog } from "~/content/content.server";
import { backfillRepStatuses } from "~/models/rep-status.server";
import { dayMs } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { isoWeek, sweep } from "./sweep.server";

beforeAll(async () => {
  await seedDemoOrganisation({ log: () => {} });
  await seedDemoActivity({ log: () => {} });
  await backfillRepStatuses({ products: await loadCatalog() });
});

test("weeks are ISO weeks; the digest may go from Monday 08:00 UTC", () => {
  expect(isoWeek(new Date("2026-12-01T12:00:00Z"))).toEqual({
    week: "2026-W49",
    digestFrom: new Date("2026-11-30T08:00:00Z"),
  });
  // 1 January 2027 is a Friday: it belongs to the last week of 2026.
  expect(isoWeek(new Date("2027-01-01T00:00:00Z")).week).toBe("2026-W53");
  expect(isoWeek(new Date("2027-01-04T09:00:00Z")).week).toBe("2027-W01");
  // Sunday night is still the week that began on the Monday before.
  expect(isoWeek(new Date("2026-12-06T23:59:00Z")).week).toBe("2026-W49");
});

test("a sweep re-checks only what moved: nothing twice, expired certifications once, one product after its content changed", async () => {
  const products = await loadCatalog();
  const db = getDb();
  const pairsOf = (slug: string) =>
    db.select().from(repStatuses).where(eq(repStatuses.productSlug, slug)).all().length;

  const first = await sweep();
  expect(first.checked).toBe(db.select().from(repStatuses).all().length);
  expect((await sweep()).checked).toBe(0);

  // A year on, every certification has run out: each is checked once, then left alone.
  const later = new Date(Date.now() + 400 * dayMs);
  const certified = db
    .select()
    .from(certifications)
    .where(eq(certifications.state, "active"))
    .all();
  expect(certified.length).toBeGreaterThan(0);
  const expiring = await sweep({ now: later });
  expect(expiring.checked).toBeGreaterThanOrEqual(certified.length);
  expect(expiring.changed).toBeGreaterThan(0);
  expect((await sweep({ now: later })).checked).toBe(0);

  // As after a restart on content edited while the server was down: that product only.
  const edited = products.find((p) => pairsOf(p.slug) > 0)!;
  db.update(sweptProducts)
    .set({ fingerprint: "an older revision" })
    .where(eq(sweptProducts.productSlug, edited.slug))
    .run();
  expect((await sweep({ now: later })).checked).toBe(pairsOf(edited.slug));
  expect((await sweep({ now: later })).checked).toBe(0);
});

test("the first sweep of a process records a certification the matrix lacks", async () => {
  // Back to today from the year the test before moved the matrix to.
  await sweep({ reconcile: true });
  expect((await sweep({ reconcile: true })).checked).toBe(0);
  const db = getDb();
  const [certification] = db
    .select()
    .from(certifications)
    .where(eq(certifications.state, "active"))
    .all();
  const rowOf = () =>
    db
      .select()
      .from(repStatuses)
      .where(
        and(
          eq(repStatuses.userId, certification.userId),
          eq(repStatuses.productSlug, certification.productSlug),
        ),
      )
      .get();
  // As an older version, which kept no matrix, would have left it.
  db.delete(repStatuses)
    .where(
      and(
        eq(repStatuses.userId, certification.userId),
        eq(repStatuses.productSlug, certification.productSlug),
      ),
    )
    .run();
  expect((await sweep()).checked).toBe(0);
  expect(await sweep({ reconcile: true })).toMatchObject({ checked: 1 });
  expect(rowOf()).toMatchObject({ certificationId: certification.id, status: "certified" });
});
