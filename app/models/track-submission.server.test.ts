import { eq } from "drizzle-orm";
import { moduleSources, outboxEvents, type User } from "#db/schema";
import type { Product } from "~/content/types";
import { getDb } from "~/utils/db.server";
import { makeUser } from "../../tests/setup/factories";
import { moduleFixture, productFixture, quizKey } from "../../tests/setup/product-fixture";
import { syncRepStatus } from "./rep-status.server";
import { submitModuleCompletion, submitQuizAnswer } from "./track-submission.server";

const day = 86_400_000;
const t0 = new Date("2026-02-02T10:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * day);

function walk(user: User, product: Product, slugs: string[], now: Date) {
  for (const module of product.modules.filter((m) => slugs.includes(m.slug))) {
    for (const id of module.quizIds) {
      submitQuizAnswer({
        userId: user.id,
        product,
        module,
        key: quizKey(id),
        selected: ["1"],
        now,
      });
    }
    submitModuleCompletion({ userId: user.id, product, module, now });
  }
}

const announced = (user: User) =>
  getDb()
    .select()
    .from(outboxEvents)
    .where(eq(outboxEvents.userId, user.id))
    .orderBy(outboxEvents.seq)
    .all()
    .map((e) => {
      const data = JSON.parse(e.data) as { status: string; eligible: boolean; rep: string };
      return [e.type, data.status, data.eligible];
    });

test("a rep's whole life on a product is announced once per change, with the change's transaction", async () => {
  const user = await makeUser();
  const product = productFixture();
  walk(user, product, ["a", "b", "c"], t0);
  expect(announced(user)).toEqual([["certification.issued", "certified", true]]);

  // Module a changes on day 100: the sweep (here called with its clock) finds the refresh.
  getDb()
    .insert(moduleSources)
    .values({
      hash: `${product.slug}-a-r2`,
      productSlug: product.slug,
      moduleSlug: "a",
      path: "a.mdx",
      revision: 2,
      source: "# a r2",
      firstSeenAt: at(100),
    })
    .run();
  const revised: Product = {
    ...product,
    modules: [moduleFixture("a", ["q1"], 2), ...product.modules.slice(1)],
  };
  for (const days of [101, 102, 114, 115, 116])
    syncRepStatus({ user, product: revised, now: at(days) });
  walk(user, revised, ["a"], at(120));
  for (const days of [121, 365, 366]) syncRepStatus({ user, product: revised, now: at(days) });
  walk(user, revised, ["a", "b", "c"], at(367));

  expect(announced(user)).toEqual([
    ["certification.issued", "certified", true],
    ["certification.refresh_due", "refresh_due", true],
    ["certification.lapsed", "lapsed", false],
    ["certification.restored", "certified", true],
    ["certification.expired", "expired", false],
    ["certification.issued", "certified", true],
  ]);
  const [first] = getDb().select().from(outboxEvents).where(eq(outboxEvents.userId, user.id)).all();
  expect(JSON.parse(first.data)).toMatchObject({
    rep: user.email,
    product: product.slug,
    previousStatus: "in_progress",
  });
});

test("a pair the sweep sees for the first time is recorded as it stands, without an event", async () => {
  const user = await makeUser();
  const product = productFixture();
  expect(syncRepStatus({ user, product, now: t0 })).toBeNull();
  expect(announced(user)).toEqual([]);
});
