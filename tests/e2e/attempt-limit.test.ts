import { expect, inject, test } from "vitest";
import { demoEmail, signInCookie } from "./browser";
import { demoCatalog, moduleWithKeys } from "./content-keys";

const baseUrl = inject("baseUrl");

test("the daily attempt limit holds when the quiz form is replayed outside the browser", async () => {
  const cookie = await signInCookie(baseUrl, demoEmail("rep6"));
  const product = (await demoCatalog())[0];
  const module = product.modules[0];
  const { quizKeys } = await moduleWithKeys({ productSlug: product.slug, moduleSlug: module.slug });
  const key = quizKeys[0];
  const wrong = key.choices.find((c) => !key.correct.includes(c.value))!.value;
  const replay = (choice: string) =>
    fetch(`${baseUrl}/products/${product.slug}/${module.slug}`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: new URLSearchParams({ intent: "answer-quiz", quizId: key.id, choice }),
    });

  for (let i = 0; i < product.policy.maxAttemptsPerDay; i++) {
    expect((await replay(wrong)).status).toBe(200);
  }
  const refused = await replay(key.correct[0]);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await refused.text()).toMatch(/used all \d+ attempts/);

  // The refused correct answer was not recorded: the quiz is still failed.
  const page = await (
    await fetch(`${baseUrl}/products/${product.slug}/${module.slug}`, {
      headers: { Cookie: cookie },
    })
  ).text();
  expect(page).toMatch(/No attempts left today/);
  expect(page).not.toMatch(/Correct\./);
});

test("an answer to a quiz that is not in the module is a 400, not a 500", async () => {
  const cookie = await signInCookie(baseUrl, demoEmail("rep6"));
  const product = (await demoCatalog())[0];
  const response = await fetch(`${baseUrl}/products/${product.slug}/${product.modules[0].slug}`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: new URLSearchParams({ intent: "answer-quiz", quizId: "no-such-quiz", choice: "0" }),
  });
  expect(response.status).toBe(400);
});
