import { expect, inject, test } from "vitest";
import { demoEmail, signInCookie } from "./browser";
import { demoCatalog, moduleWithKeys } from "./content-keys";

const baseUrl = inject("baseUrl");

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

test("no page, script or loader data of any demo module reveals a correct choice or an explanation", async () => {
  const cookie = await signInCookie(baseUrl, demoEmail("csm"));
  const headers = { Cookie: cookie };
  const assets = new Set<string>();
  const explanations: string[] = [];
  let modules = 0;
  for (const product of await demoCatalog()) {
    for (const summary of product.modules) {
      const { quizKeys } = await moduleWithKeys({
        productSlug: product.slug,
        moduleSlug: summary.slug,
      });
      const url = `${baseUrl}/products/${product.slug}/${summary.slug}`;
      const html = await (await fetch(url, { headers })).text();
      const data = await (await fetch(`${url}.data`, { headers })).text();
      for (const src of html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)) assets.add(src[1]);
      for (const key of quizKeys) {
        const explanation = text(key.explanationHtml).slice(0, 60);
        explanations.push(explanation);
        for (const [where, body] of [
          ["html", html],
          ["data", data],
        ]) {
          expect(body, `${where} of ${url}`).toContain(
            key.question
              .slice(0, 30)
              .replace(/&/g, "&amp;")
              .replace(/"/g, where === "html" ? "&quot;" : '\\"')
              .replace(/'/g, where === "html" ? "&#x27;" : "'"),
          );
          expect(
            body.includes(explanation),
            `${where} of ${url} leaks the explanation of ${key.id}`,
          ).toBe(false);
        }
        // Correct and wrong choices must be marked up identically.
        const inputs = [...html.matchAll(new RegExp(`<input[^>]*name="choice"[^>]*>`, "g"))].map(
          (m) => m[0].replace(/value="\d+"/, ""),
        );
        expect(new Set(inputs).size, `choice markup differs in ${url}`).toBeLessThanOrEqual(2);
      }
      // The compiled module in the loader data carries no answer flag on any choice.
      expect(data, `data of ${url}`).not.toMatch(/\bcorrect\s*:\s*(!0|true)/);
      expect(data, `data of ${url}`).not.toMatch(/"explanationHtml"/);
      modules++;
    }
  }
  expect(modules).toBeGreaterThan(0);
  expect(assets.size).toBeGreaterThan(0);
  for (const asset of assets) {
    const js = await (await fetch(`${baseUrl}${asset}`)).text();
    for (const explanation of explanations) {
      expect(js.includes(explanation), `${asset} leaks an explanation`).toBe(false);
    }
  }
});
