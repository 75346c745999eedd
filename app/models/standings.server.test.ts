import type { Product } from "~/content/types";
import { makeUser } from "../../tests/setup/factories";
import { answerModule } from "../../tests/setup/answer-module";
import { productFixture } from "../../tests/setup/product-fixture";
import { completeModule, getStanding } from "./certification.server";
import { grantRetake } from "./retake.server";
import { getStandings } from "./standings.server";

const day = 86_400_000;
const t0 = new Date("2026-03-02T09:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * day);

function answer(userId: string, product: Product, index: number, choice: string, now: Date) {
  const module = product.modules[index];
  answerModule({ userId, product, module, choice, now });
  return module;
}

function walk(userId: string, product: Product, now: Date, choice = "1") {
  product.modules.forEach((_, index) => {
    const module = answer(userId, product, index, choice, now);
    if (choice !== "1") answer(userId, product, index, "1", now);
    completeModule({ userId, product, module, now });
  });
}

test("many standings read at once are each the standing read alone, in the order asked", async () => {
  const alpha = productFixture({ slug: "alpha", name: "Alpha" });
  const beta = productFixture({
    slug: "beta",
    name: "Beta",
    policy: { passMark: 0.8, validDays: 30, refreshGraceDays: 14, maxAttemptsPerDay: 3 },
  });
  const manager = await makeUser({ role: "manager" });
  const [certified, halfway, lapsed, failed, untouched] = await Promise.all(
    [1, 2, 3, 4, 5].map(() => makeUser()),
  );
  walk(certified.id, alpha, t0);
  answer(halfway.id, alpha, 0, "0", at(1));
  completeModule({
    userId: halfway.id,
    product: alpha,
    module: answer(halfway.id, alpha, 0, "1", at(1)),
    now: at(1),
  });
  walk(halfway.id, beta, at(2));
  walk(lapsed.id, beta, t0);
  answer(lapsed.id, beta, 1, "1", at(40));
  walk(failed.id, beta, at(3), "0");
  grantRetake({ userId: failed.id, product: beta, grantedById: manager.id, now: at(4) });
  answer(failed.id, beta, 0, "1", at(5));

  const now = at(45);
  const asked = [
    { userId: lapsed.id, product: beta },
    { userId: certified.id, product: alpha },
    { userId: halfway.id, product: alpha },
    { userId: untouched.id, product: beta },
    { userId: failed.id, product: beta },
    { userId: halfway.id, product: beta },
    { userId: certified.id, product: beta },
    { userId: certified.id, product: alpha },
  ];
  const together = getStandings({ of: asked, now });
  const alone = asked.map(({ userId, product }) => getStanding({ userId, product, now }));

  expect(together).toEqual(alone);
  // The pairs differ from one another, so equal lists mean each pair got its own rows.
  expect(new Set(alone.map((s) => s.report.status))).toEqual(
    new Set(["certified", "in_progress", "expired", "not_started"]),
  );
  expect(alone[0].countingFrom.getTime()).toBeGreaterThan(t0.getTime());
  expect(alone[0].attempts).toHaveLength(alpha.modules[1].quizIds.length);
});

test("no pairs is no standings", () => {
  expect(getStandings({ of: [] })).toEqual([]);
});
