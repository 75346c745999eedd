import { moduleSources } from "#db/schema";
import type { Product } from "~/content/types";
import { getDb } from "~/utils/db.server";
import { makeUser } from "../../tests/setup/factories";
import { moduleFixture, productFixture, quizKey } from "../../tests/setup/product-fixture";
import { completeModule, getStanding } from "./certification.server";
import { describeEligibility } from "./eligibility.server";
import { answerQuiz } from "./quiz-attempt.server";

const day = 86_400_000;
const t0 = new Date("2026-03-02T10:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * day);

function walk(userId: string, product: Product, now: Date) {
  for (const module of product.modules) {
    for (const id of module.quizIds) {
      const base = {
        userId,
        productSlug: product.slug,
        module,
        key: quizKey(id),
        policy: product.policy,
      };
      answerQuiz({ ...base, selected: ["1"], now });
    }
    completeModule({ userId, product, module, now });
  }
}

const eligibility = (userId: string, product: Product, now: Date) =>
  describeEligibility({ product, standing: getStanding({ userId, product, now }) });

test("a rep who has not finished is not cleared, with the modules still to take", async () => {
  const user = await makeUser();
  const product = productFixture();
  const result = eligibility(user.id, product, t0);
  expect(result).toMatchObject({ cleared: false, status: "not_started", certificationId: null });
  expect(result.reasons).toEqual([
    "3 of 3 modules still to complete: Module a, Module b, Module c.",
  ]);
});

test("certified, then refresh due (still cleared), then lapsed (not cleared)", async () => {
  const user = await makeUser();
  const product = productFixture();
  walk(user.id, product, t0);
  const certified = eligibility(user.id, product, at(1));
  expect(certified).toMatchObject({
    cleared: true,
    status: "certified",
    reasons: ["Certified until 2 Mar 2027."],
  });
  expect(certified.certificationId).toBeTruthy();

  const revised: Product = {
    ...product,
    modules: [product.modules[0], moduleFixture("b", ["q2", "q3"], 2), product.modules[2]],
  };
  getDb()
    .insert(moduleSources)
    .values({
      hash: `${product.slug}-b2`,
      productSlug: product.slug,
      moduleSlug: "b",
      path: "b.mdx",
      revision: 2,
      source: "b2",
      firstSeenAt: at(10),
    })
    .run();
  const due = eligibility(user.id, revised, at(11));
  expect(due).toMatchObject({
    cleared: true,
    status: "refresh_due",
    modulesToRefresh: [{ slug: "b", title: "Module b" }],
  });
  expect(due.reasons).toEqual(["The customer's journey changed: re-take Module b by 26 Mar 2026."]);

  const lapsed = eligibility(user.id, revised, at(30));
  expect(lapsed).toMatchObject({ cleared: false, status: "lapsed" });
  expect(lapsed.reasons[0]).toMatch(/^Refresh overdue since 26 Mar 2026: re-take Module b\.$/);
});
