import { repStatuses } from "#db/schema";
import { getDb } from "~/utils/db.server";
import { makeUser } from "../../tests/setup/factories";
import { listCertificationChanges } from "./certification-changes.server";

// Rows far in the past come before any another test in this worker writes.
const t0 = new Date("1980-01-01T00:00:00Z");

test("pages run in (changedAt, user, product) order, ties included, and say where the next starts", async () => {
  const [a, b] = (await Promise.all([makeUser(), makeUser()])).sort((x, y) =>
    x.id < y.id ? -1 : 1,
  );
  const row = (userId: string, productSlug: string, ms: number) => ({
    userId,
    productSlug,
    status: "certified",
    eligible: true,
    changedAt: new Date(t0.getTime() + ms),
  });
  getDb()
    .insert(repStatuses)
    .values([
      row(b.id, "beta", 0),
      row(a.id, "beta", 0),
      row(a.id, "alpha", 0),
      row(a.id, "gamma", 5),
    ])
    .run();
  const expected = [
    [a.email, "alpha"],
    [a.email, "beta"],
    [b.email, "beta"],
    [a.email, "gamma"],
  ];

  const first = listCertificationChanges({ updatedSince: t0, limit: 2 });
  expect(first.rows.map((r) => [r.email, r.productSlug])).toEqual(expected.slice(0, 2));
  expect(first.next).toEqual({ changedAt: t0, userId: a.id, productSlug: "beta" });
  const second = listCertificationChanges({ updatedSince: t0, after: first.next!, limit: 2 });
  expect(second.rows.map((r) => [r.email, r.productSlug])).toEqual(expected.slice(2));

  const inclusive = listCertificationChanges({
    updatedSince: new Date(t0.getTime() + 5),
    limit: 1,
  });
  expect(inclusive.rows[0]).toMatchObject({ email: a.email, productSlug: "gamma" });
});

test("the last page has no next key", () => {
  const page = listCertificationChanges({ updatedSince: new Date("2999-01-01"), limit: 10 });
  expect(page).toEqual({ rows: [], next: null });
});
