import { expect, test } from "vitest";
import { demoEmail, signInCookie } from "./browser";
import { demoCatalog, moduleWithKeys } from "./content-keys";
import { serverForThisFile } from "./server-for-this-file";

// Its own server: the rep here finishes a track and a manager grants a re-take.
const server = serverForThisFile();

async function shortestProduct() {
  const products = await demoCatalog();
  return [...products].sort((a, b) => a.modules.length - b.modules.length)[0];
}

function post(cookie: string, path: string, body: Record<string, string>) {
  return fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: new URLSearchParams(body),
    redirect: "manual",
  });
}

async function page(cookie: string, path: string) {
  return (await fetch(`${server.baseUrl}${path}`, { headers: { Cookie: cookie } })).text();
}

/** Answers every question wrong first (so each explanation is seen), then right, and completes each module. */
async function walkFailingFirst(cookie: string, productSlug: string, moduleSlugs: string[]) {
  for (const moduleSlug of moduleSlugs) {
    const path = `/products/${productSlug}/${moduleSlug}`;
    const { quizKeys } = await moduleWithKeys({ productSlug, moduleSlug });
    for (const key of quizKeys) {
      const wrong = key.choices.find((c) => !key.correct.includes(c.value))!.value;
      const answer = (choice: string[]) =>
        fetch(`${server.baseUrl}${path}`, {
          method: "POST",
          headers: { Cookie: cookie },
          body: new URLSearchParams([
            ["intent", "answer-quiz"],
            ["quizId", key.id],
            ...choice.map((c) => ["choice", c]),
          ]),
        });
      expect((await answer([wrong])).status).toBe(200);
      expect((await answer(key.correct)).status).toBe(200);
      // Passed in this round: settled, so the page offers no further answer and the server takes none.
      const again = await answer([wrong]);
      expect(again.status).toBe(409);
      expect(await again.text()).toMatch(/already passed/);
    }
    const done = await post(cookie, path, { intent: "complete-module", confirm: "yes" });
    expect(done.status).toBe(200);
  }
}

test("a rep who failed every first attempt cannot reset the score: no restart, no certificate, only a manager's re-take", async () => {
  const product = await shortestProduct();
  const rep = await signInCookie(server.baseUrl, demoEmail("rep5"));
  await walkFailingFirst(
    rep,
    product.slug,
    product.modules.map((m) => m.slug),
  );

  const track = await page(rep, `/products/${product.slug}`);
  expect(track).toMatch(/below the \d+% pass mark: your manager can grant a re-take/);
  expect(track).not.toMatch(/Start the track again/);

  // The old self-service restart, replayed by hand, changes nothing.
  const restart = await post(rep, `/products/${product.slug}`, { intent: "restart-track" });
  expect(restart.status).toBe(405);
  const after = await page(rep, `/products/${product.slug}`);
  expect(after).toMatch(/First-attempt score 0%/);
  expect(after).not.toMatch(/View your certificate/);

  // Another team's manager cannot even see the rep; the rep's own manager sees the offer.
  const repId = /name="repId" value="([^"]+)"/;
  const north = await signInCookie(server.baseUrl, demoEmail("manager1"));
  const south = await signInCookie(server.baseUrl, demoEmail("manager2"));
  const southTeam = await page(south, "/team");
  const id = southTeam.match(repId)?.[1];
  expect(id).toBeTruthy();
  const grant = { intent: "grant-retake", repId: id!, product: product.slug };
  expect((await post(north, "/team", grant)).status).toBe(404);
  expect((await post(rep, "/team", grant)).status).toBe(403);

  const granted = await post(south, "/team", grant);
  expect(granted.status).toBe(200);
  expect(await granted.text()).toMatch(/may now re-take/);
  expect(await page(south, "/team")).not.toMatch(repId);
  // Granted once per failed round: a replay is refused.
  expect((await post(south, "/team", grant)).status).toBe(409);
  expect(await page(rep, `/products/${product.slug}`)).not.toMatch(/First-attempt score/);
});
