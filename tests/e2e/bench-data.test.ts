import { describe, expect, it } from "vitest";
import { signInCookie } from "./browser";
import { generatedOrganisationForThisFile } from "./generated-organisation";

// The generated organisation served by the built server, as `npm run bench` serves it.
describe("a generated bench organisation", () => {
  const organisation = generatedOrganisationForThisFile([
    "--reps",
    "30",
    "--products",
    "2",
    "--modules-per-product",
    "4",
  ]);

  it("starts without recompiling, signs in manager1 and shows their team and a module", async () => {
    const { server, products } = organisation();
    expect(server.output()).toMatch(/0 compiled, 8 from cache/);
    const cookie = await signInCookie(server.baseUrl, "manager1@bench.firsthand.test");
    const team = await fetch(`${server.baseUrl}/team`, { headers: { cookie } });
    expect(team.status).toBe(200);
    const html = await team.text();
    // manager1 leads Team 1: rep1…rep10, and nobody from Team 2.
    expect(html).toContain("Team 1");
    for (const n of [1, 5, 10]) expect(html).toContain(`rep${n}@bench.firsthand.test`);
    expect(html).not.toContain("rep11@bench.firsthand.test");

    const repCookie = await signInCookie(server.baseUrl, "rep1@bench.firsthand.test");
    const module = await fetch(`${server.baseUrl}/products/${products[0]}/workspace-setup`, {
      headers: { cookie: repCookie },
    });
    expect(module.status).toBe(200);
    expect(await module.text()).toContain("Workspace setup");
  });
});
