import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { browserForThisFile, signedInContext } from "./browser";
import { demoCatalog, moduleWithKeys } from "./content-keys";
import { serverForThisFile } from "./server-for-this-file";

// A rep walking a whole track as they would click it, once with JavaScript and once without, and a
// module finished with the keyboard alone. Its own server, so the not-started reps are its own.

const browser = browserForThisFile();
const server = serverForThisFile();

async function repPage({
  account,
  javaScriptEnabled,
}: {
  account: string;
  javaScriptEnabled: boolean;
}): Promise<Page> {
  const context = await signedInContext(browser(), server.baseUrl, account, {
    javaScriptEnabled,
    viewport: { width: 1280, height: 800 },
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: server.baseUrl,
  });
  return context.newPage();
}

async function shortestTrack() {
  const products = await demoCatalog();
  return [...products].sort((a, b) => a.modules.length - b.modules.length)[0];
}

async function inViewport(page: Page, selector: string) {
  return page.evaluate((s) => {
    const box = document.querySelector(s)?.getBoundingClientRect();
    return Boolean(box && box.top < window.innerHeight && box.bottom > 0);
  }, selector);
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
  const account = javaScriptEnabled ? "rep5" : "rep6";

  test(`${mode}: a passed question is settled, each answer returns to its question, each module ends with where the track stands, the last with the certificate`, async () => {
    const product = await shortestTrack();
    const page = await repPage({ account, javaScriptEnabled });
    const base = server.baseUrl;
    for (const [index, summary] of product.modules.entries()) {
      const { quizKeys } = await moduleWithKeys({
        productSlug: product.slug,
        moduleSlug: summary.slug,
      });
      const moduleUrl = `${base}/products/${product.slug}/${summary.slug}`;
      await page.goto(moduleUrl);
      for (const [quizIndex, key] of quizKeys.entries()) {
        const quiz = page.locator(`section#quiz-${key.id}`);
        const answer = async (values: string[]) => {
          for (const value of values)
            await quiz.locator(`input[name="choice"][value="${value}"]`).check();
          await quiz.getByRole("button", { name: "Check answer" }).click();
        };
        if (index === 0 && quizIndex === 0) {
          const wrong = key.choices.find((c) => !key.correct.includes(c.value))!;
          await answer([wrong.value]);
          await quiz.getByText("Not quite.").waitFor();
          // Item 3: the answer comes back where the question is, not at the top of the page.
          if (!javaScriptEnabled) expect(new URL(page.url()).hash).toBe(`#quiz-${key.id}`);
          expect(await inViewport(page, `#quiz-${key.id}`)).toBe(true);
        }
        await answer(key.correct);
        await quiz.getByText("Correct.").waitFor();
        if (!javaScriptEnabled) expect(new URL(page.url()).hash).toBe(`#quiz-${key.id}`);
        expect(await inViewport(page, `#quiz-${key.id}`)).toBe(true);
        // Item 2: passed in this round, so nothing more is offered, even after a reload.
        await page.reload();
        await quiz.getByText("· Passed", { exact: true }).waitFor();
        expect(await quiz.getByRole("button", { name: "Check answer" }).count()).toBe(0);
        for (const choice of await quiz.locator('input[name="choice"]').all())
          expect(await choice.isDisabled()).toBe(true);
      }
      const completion = page.locator("#completion");
      await completion.getByRole("heading", { name: "Finish this module" }).waitFor();
      await page.getByLabel("I worked through this module the way the customer will.").check();
      await page.getByRole("button", { name: "Mark module complete" }).click();
      const last = index === product.modules.length - 1;
      // Item 4: success in place of the form, how far the track is, and the way on.
      await completion
        .getByRole("heading", {
          name: last ? "Track complete: you are certified" : "Module complete",
        })
        .waitFor();
      if (!javaScriptEnabled) expect(new URL(page.url()).hash).toBe("#completion");
      expect(await completion.getByRole("heading", { name: "Finish this module" }).count()).toBe(0);
      await completion
        .getByText(`${index + 1} of ${product.modules.length} done`, { exact: false })
        .waitFor();
      if (!last) {
        const nextLink = completion.getByRole("link", { name: "Next module →" });
        expect(await nextLink.getAttribute("href")).toBe(
          `/products/${product.slug}/${product.modules[index + 1].slug}`,
        );
        await nextLink.click();
        await page.waitForURL(
          `${base}/products/${product.slug}/${product.modules[index + 1].slug}`,
        );
      }
    }

    const completion = page.locator("#completion");
    const verifyLink = completion.getByRole("link", { name: /\/verify\// });
    const verifyUrl = await verifyLink.getAttribute("href");
    expect(verifyUrl).toMatch(/\/verify\/[a-z2-7]{26,}$/);
    const copy = completion.getByRole("button", { name: "Copy verify link" });
    if (javaScriptEnabled) {
      await copy.click();
      await completion.getByRole("button", { name: "Copied" }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(verifyUrl);
    } else {
      // Nothing to click that cannot work: the link itself is there to select.
      expect(await copy.count()).toBe(0);
    }
    await completion.getByRole("link", { name: "See your certificate" }).click();
    await page.waitForURL(/\/certificates\/[a-z2-7]+$/);
    await page.context().close();
  });
}

test("the module's source file and sha256 are folded under Details, and open without JavaScript", async () => {
  const product = await shortestTrack();
  const page = await repPage({ account: "rep7", javaScriptEnabled: false });
  await page.goto(`${server.baseUrl}/products/${product.slug}/${product.modules[0].slug}`);
  const footer = page.locator("footer.module-footer");
  await footer.getByText("customer onboarding module, unchanged.", { exact: false }).waitFor();
  const sourceFile = footer.locator("code", { hasText: /\.mdx?$/ });
  const hash = footer.locator("code", { hasText: /^[0-9a-f]{12}$/ });
  expect(await sourceFile.isVisible()).toBe(false);
  expect(await hash.isVisible()).toBe(false);
  await footer.getByText("Details: the exact source (for audits)").click();
  expect(await sourceFile.isVisible()).toBe(true);
  expect(await hash.isVisible()).toBe(true);
  expect(await hash.getAttribute("title")).toMatch(/^[0-9a-f]{64}$/);
  await page.context().close();
});

test("a rep completes a module with the keyboard alone", async () => {
  const product = await shortestTrack();
  const summary = product.modules[0];
  const { quizKeys } = await moduleWithKeys({
    productSlug: product.slug,
    moduleSlug: summary.slug,
  });
  const page = await repPage({ account: "rep7", javaScriptEnabled: true });
  await page.goto(`${server.baseUrl}/products/${product.slug}/${summary.slug}`);
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | HTMLButtonElement | null;
      const quiz = el?.closest("section.fh-quiz")?.id ?? null;
      return {
        tag: el?.tagName.toLowerCase() ?? "",
        type: el?.getAttribute("type") ?? "",
        name: el?.getAttribute("name") ?? "",
        value: el?.getAttribute("value") ?? "",
        checked: el instanceof HTMLInputElement ? el.checked : false,
        text: el?.textContent?.trim() ?? "",
        quiz,
      };
    });
  const correctOf = (quiz: string | null) =>
    quizKeys.find((k) => `quiz-${k.id}` === quiz)?.correct ?? [];
  let presses = 0;
  while (presses++ < 600) {
    await page.keyboard.press("Tab");
    const el = await focused();
    if (el.name === "choice") {
      const correct = correctOf(el.quiz);
      if (el.type === "radio") {
        // Arrow keys move through a radio group and select as they go.
        for (let i = 0; i < 10 && !correct.includes((await focused()).value); i++)
          await page.keyboard.press("ArrowDown");
      } else if (correct.includes(el.value) !== el.checked) {
        await page.keyboard.press("Space");
      }
    } else if (el.tag === "button" && el.text === "Check answer" && el.quiz) {
      await page.keyboard.press("Enter");
      await page.locator(`#${el.quiz}`).getByText("Correct.").waitFor();
    } else if (el.name === "confirm") {
      await page.keyboard.press("Space");
    } else if (el.tag === "button" && el.text === "Mark module complete") {
      await page.keyboard.press("Enter");
      break;
    }
  }
  await page.getByRole("heading", { name: "Module complete" }).waitFor();
  expect(await page.getByText(`1 of ${product.modules.length} done`).count()).toBe(1);
  // The way on is reachable from the keyboard too.
  const next = page.getByRole("link", { name: "Next module →" });
  await next.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(`${server.baseUrl}/products/${product.slug}/${product.modules[1].slug}`);
  await page.context().close();
});
