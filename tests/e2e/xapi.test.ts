import { afterAll, beforeAll, expect, test } from "vitest";
import { z } from "zod";
import { startLrs, type LocalLrs } from "../support/lrs-server";
import { xapiProblems } from "../support/xapi-validation";
import { demoEmail, signInCookie } from "./browser";
import { demoCatalog, moduleWithKeys } from "./content-keys";
import { personByEmail, readDemoPeople } from "./demo-people";
import { startServer, type RunningServer } from "./start-server";

// Its own server, pointed at a local LRS that is down for the first three requests.
let lrs: LocalLrs;
let server: RunningServer;
beforeAll(async () => {
  lrs = await startLrs({ failFirst: 3 });
  server = await startServer({
    XAPI_ENDPOINT: `${lrs.endpoint}/`,
    XAPI_USERNAME: lrs.username,
    XAPI_PASSWORD: lrs.password,
    WEBHOOK_RETRY_BASE_MS: "200",
    OUTBOX_POLL_MS: "100",
  });
});
afterAll(async () => {
  await server?.stop();
  await lrs?.close();
});

const statementVerb = z.object({ verb: z.object({ id: z.string() }) });

async function until<T>(what: string, check: () => T | undefined, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("a rep's answers, modules, passed round and certificate reach the LRS once each, through its outage", async () => {
  const products = await demoCatalog();
  const product = [...products].sort(
    (a, b) =>
      a.modules.flatMap((m) => m.quizIds).length - b.modules.flatMap((m) => m.quizIds).length,
  )[0];
  const rep = personByEmail(readDemoPeople(server.dataDir), demoEmail("rep5"));
  const cookie = await signInCookie(server.baseUrl, rep.email);
  const post = (path: string, body: [string, string][]) =>
    fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: new URLSearchParams(body),
    });

  let quizCount = 0;
  for (const module of product.modules) {
    const path = `/products/${product.slug}/${module.slug}`;
    const { quizKeys } = await moduleWithKeys({
      productSlug: product.slug,
      moduleSlug: module.slug,
    });
    for (const key of quizKeys) {
      const answer = await post(path, [
        ["intent", "answer-quiz"],
        ["quizId", key.id],
        ...key.correct.map((c): [string, string] => ["choice", c]),
      ]);
      expect(answer.status).toBe(200);
      quizCount += 1;
    }
    const done = await post(path, [
      ["intent", "complete-module"],
      ["confirm", "yes"],
    ]);
    expect(done.status).toBe(200);
  }

  expect(quizCount).toBeGreaterThan(0);
  const expected = quizCount + product.modules.length + 2;
  const statements = await until(`${expected} statements in the LRS`, () => {
    const stored = lrs.statements();
    return stored.length >= expected ? stored : undefined;
  });
  expect(statements).toHaveLength(expected);
  expect(lrs.requestCount()).toBeGreaterThanOrEqual(expected + 3);

  for (const statement of statements) {
    expect(xapiProblems(statement)).toEqual([]);
    expect(statement.actor).toEqual({
      objectType: "Agent",
      account: { homePage: expect.stringMatching(/^http:\/\/localhost:\d+$/), name: rep.id },
    });
    expect(JSON.stringify(statement)).not.toContain(rep.email);
  }
  const receipts = lrs.receipts();
  expect(receipts.map((r) => r.id).sort()).toEqual(statements.map((s) => s.id).sort());
  expect(receipts.every((r) => r.outcome === "stored")).toBe(true);

  const verbs = statements.map((s) => statementVerb.parse(s).verb.id.split("/").pop());
  const count = (verb: string) => verbs.filter((v) => v === verb).length;
  expect(count("answered")).toBe(quizCount);
  expect(count("completed")).toBe(product.modules.length);
  expect(count("passed")).toBe(1);
  expect(count("earned")).toBe(1);
});
