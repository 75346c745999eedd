import { makeUser } from "../../tests/setup/factories";
import { moduleFixture, productFixture, quizKey } from "../../tests/setup/product-fixture";
import { answerQuiz, firstAttemptScore, listAttempts } from "./quiz-attempt.server";

const t0 = new Date("2026-05-04T08:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

test("an answer is graded on the server and the explanation comes back only with the grade", async () => {
  const user = await makeUser();
  const product = productFixture();
  const base = {
    userId: user.id,
    productSlug: product.slug,
    module: product.modules[0],
    key: quizKey("q1"),
    policy: product.policy,
  };
  const wrong = answerQuiz({ ...base, selected: ["0"], now: t0 });
  expect(wrong).toMatchObject({
    kind: "graded",
    correct: false,
    correctChoices: [],
    attemptsLeftToday: 2,
  });
  const right = answerQuiz({ ...base, selected: ["1"], now: minutes(1) });
  expect(right).toMatchObject({
    kind: "graded",
    correct: true,
    correctChoices: ["1"],
    explanationHtml: "<p>Because of q1.</p>",
  });
});

test("multiple-answer quizzes need exactly the correct set", async () => {
  const user = await makeUser();
  const product = productFixture();
  const base = {
    userId: user.id,
    productSlug: product.slug,
    module: product.modules[0],
    key: quizKey("multi", ["0", "2"]),
    policy: { ...product.policy, maxAttemptsPerDay: 10 },
  };
  expect(answerQuiz({ ...base, selected: ["0"], now: t0 })).toMatchObject({ correct: false });
  expect(answerQuiz({ ...base, selected: ["0", "1", "2"], now: t0 })).toMatchObject({
    correct: false,
  });
  expect(answerQuiz({ ...base, selected: ["2", "0"], now: t0 })).toMatchObject({ correct: true });
});

test("the daily attempt limit holds and names the next allowed time", async () => {
  const user = await makeUser();
  const product = productFixture();
  const base = {
    userId: user.id,
    productSlug: product.slug,
    module: product.modules[0],
    key: quizKey("q1"),
    policy: product.policy,
  };
  answerQuiz({ ...base, selected: ["0"], now: t0 });
  answerQuiz({ ...base, selected: ["2"], now: minutes(5) });
  const third = answerQuiz({ ...base, selected: ["0"], now: minutes(10) });
  expect(third).toMatchObject({
    kind: "graded",
    attemptsLeftToday: 0,
    nextAttemptAt: new Date(t0.getTime() + 86_400_000),
  });
  const fourth = answerQuiz({ ...base, selected: ["1"], now: minutes(20) });
  expect(fourth).toMatchObject({
    kind: "limited",
    nextAttemptAt: new Date(t0.getTime() + 86_400_000),
  });
  expect(listAttempts({ userId: user.id, productSlug: product.slug, since: t0 })).toHaveLength(3);
  // a day after the first attempt, one slot opens again
  expect(answerQuiz({ ...base, selected: ["1"], now: minutes(24 * 60) })).toMatchObject({
    kind: "graded",
    correct: true,
  });
});

test("answers that are not choices are refused without using an attempt", async () => {
  const user = await makeUser();
  const product = productFixture();
  const base = {
    userId: user.id,
    productSlug: product.slug,
    module: moduleFixture("a", ["q1"]),
    key: quizKey("q1"),
    policy: product.policy,
  };
  expect(answerQuiz({ ...base, selected: [], now: t0 })).toMatchObject({ kind: "invalid" });
  expect(answerQuiz({ ...base, selected: ["9"], now: t0 })).toMatchObject({ kind: "invalid" });
  expect(answerQuiz({ ...base, selected: ["0", "1"], now: t0 })).toMatchObject({ kind: "invalid" });
  expect(listAttempts({ userId: user.id, productSlug: product.slug, since: t0 })).toHaveLength(0);
});

test("the score counts only first attempts", async () => {
  const user = await makeUser();
  const product = productFixture();
  const policy = product.policy;
  const attempt = (id: string, selected: string, n: number) =>
    answerQuiz({
      userId: user.id,
      productSlug: product.slug,
      module: product.modules[0],
      key: quizKey(id),
      policy,
      selected: [selected],
      now: minutes(n),
    });
  attempt("q1", "0", 1);
  attempt("q1", "1", 2);
  attempt("q2", "1", 3);
  const attempts = listAttempts({ userId: user.id, productSlug: product.slug, since: t0 });
  expect(firstAttemptScore({ attempts, quizIds: ["q1", "q2"] })).toBe(0.5);
  expect(firstAttemptScore({ attempts, quizIds: ["q1", "q2", "q3", "q4"] })).toBe(0.25);
});
