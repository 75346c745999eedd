import { expect, inject, test } from "vitest";
import { demoEmail, signIn, browserForThisFile } from "./browser";
import { demoCatalog, moduleWithKeys } from "./content-keys";

const baseUrl = inject("baseUrl");
const browser = browserForThisFile();

test("a rep fails a quiz, sees the explanation only after submitting, walks the track and is certified", async () => {
  const products = await demoCatalog();
  // The shortest track keeps the test quick; any track works the same way.
  const product = [...products].sort(
    (a, b) =>
      a.modules.flatMap((m) => m.quizIds).length - b.modules.flatMap((m) => m.quizIds).length,
  )[0];
  const context = await browser().newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl, demoEmail("rep5"));
  await page.waitForURL(`${baseUrl}/`);

  let failedOnce = false;
  for (const summary of product.modules) {
    const { quizKeys } = await moduleWithKeys({
      productSlug: product.slug,
      moduleSlug: summary.slug,
    });
    await page.goto(`${baseUrl}/products/${product.slug}/${summary.slug}`);
    for (const key of quizKeys) {
      const quiz = page.locator("section.fh-quiz", {
        has: page.getByText(key.question, { exact: true }),
      });
      const explanation = key.explanationHtml
        .replace(/<[^>]+>/g, "")
        .trim()
        .slice(0, 40);
      const answer = async (values: string[]) => {
        for (const value of values)
          await quiz.locator(`input[name="choice"][value="${value}"]`).check();
        await quiz.getByRole("button", { name: "Check answer" }).click();
      };
      if (!failedOnce) {
        expect(await page.content()).not.toContain(explanation);
        const wrong = key.choices.find((c) => !key.correct.includes(c.value))!;
        await answer([wrong.value]);
        await quiz.getByText("Not quite.").waitFor();
        await quiz.getByText(explanation, { exact: false }).waitFor();
        failedOnce = true;
      }
      await answer(key.correct);
      await quiz.getByText("Correct.").waitFor();
    }
    await page.getByLabel("I worked through this module the way the customer will.").check();
    await page.getByRole("button", { name: "Mark module complete" }).click();
    await page
      .locator(".completion")
      .getByText(/Completed/)
      .first()
      .waitFor();
  }

  const certificateLink = page.getByRole("link", { name: "See your certificate" });
  await certificateLink.waitFor();
  await page.goto(`${baseUrl}/products/${product.slug}`);
  await page.getByText("Cleared to pitch").first().waitFor();
  await page.goto(`${baseUrl}/`);
  await page.getByRole("listitem", { name: product.name }).getByText("Cleared to pitch").waitFor();

  await page.goto(`${baseUrl}/certificates`);
  const verifyHref = await page
    .getByRole("link", { name: /\/verify\// })
    .first()
    .getAttribute("href");
  expect(verifyHref).toMatch(/^\/verify\/[a-z2-7]{26,}$/);

  const signedOut = await browser().newContext();
  const publicPage = await signedOut.newPage();
  const response = await publicPage.goto(`${baseUrl}${verifyHref}`);
  expect(response?.status()).toBe(200);
  await publicPage.getByRole("heading", { name: product.name }).waitFor();
  await publicPage.getByText(/Valid: Certified/).waitFor();
  expect(await publicPage.content()).not.toContain(demoEmail("rep5"));
  await signedOut.close();
  await context.close();
});
