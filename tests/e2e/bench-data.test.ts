import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateBenchData, parseBenchDataArgs } from "../../scripts/bench-data";
import { signInCookie } from "./browser";
import { startServer, type RunningServer } from "./start-server";

// The generated organisation served by the built server, as `npm run bench` serves it.
describe("a generated bench organisation", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-bench-e2e-"));
  let server: RunningServer;
  let products: string[];

  beforeAll(async () => {
    const summary = await generateBenchData(
      parseBenchDataArgs([
        "--reps",
        "30",
        "--products",
        "2",
        "--modules-per-product",
        "4",
        "--out",
        dir,
      ]),
      () => {},
    );
    products = summary.products;
    server = await startServer({
      DATABASE_PATH: summary.databasePath,
      CONTENT_DIR: summary.contentDir,
      SEED_DEMO: "false",
    });
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("starts without recompiling, signs in manager1 and shows their team and a module", async () => {
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
