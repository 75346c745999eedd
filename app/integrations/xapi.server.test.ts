import http from "node:http";
import { startLrs, type LocalLrs } from "../../tests/support/lrs-server";
import {
  appUrl,
  certificationIssued,
  digestWeekly,
  moduleCompleted,
  quizAnswered,
  roundFailed,
  roundPassed,
} from "../../tests/support/sample-outbox-events";
import { xapiProblems } from "../../tests/support/xapi-validation";
import { planXapi, planXapiDeliveries, putStatement, sendXapi } from "./xapi.server";
import { statementForEvent } from "./xapi-statements";

const statementEvents = [
  moduleCompleted,
  quizAnswered,
  roundPassed,
  roundFailed,
  certificationIssued,
];
const lrsServers: LocalLrs[] = [];

async function lrs(options: Parameters<typeof startLrs>[0] = {}) {
  const server = await startLrs(options);
  lrsServers.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(lrsServers.map((s) => s.close()));
});

function planFor(server: LocalLrs, event = moduleCompleted) {
  const [plan] = planXapiDeliveries({ event, endpoint: server.endpoint, appUrl });
  return { ...plan, username: server.username, password: server.password };
}

test("no LRS configured, nothing planned", () => {
  expect(planXapiDeliveries({ event: moduleCompleted, endpoint: undefined, appUrl })).toEqual([]);
});

test("one delivery per statement, to the statements resource, trailing slash or not", () => {
  for (const endpoint of ["https://lrs.example.com/xapi", "https://lrs.example.com/xapi/"]) {
    expect(planXapiDeliveries({ event: quizAnswered, endpoint, appUrl })).toEqual([
      {
        channel: "xapi",
        target: "https://lrs.example.com/xapi/statements",
        payload: JSON.stringify(statementForEvent({ event: quizAnswered, appUrl })),
      },
    ]);
  }
  expect(
    planXapiDeliveries({ event: digestWeekly, endpoint: "https://lrs.test/", appUrl }),
  ).toEqual([]);
});

test("planXapi and sendXapi read the LRS and its credentials from the environment", async () => {
  const server = await lrs({ failFirst: 1 });
  vi.stubEnv("XAPI_ENDPOINT", `${server.endpoint}/`);
  vi.stubEnv("XAPI_USERNAME", server.username);
  vi.stubEnv("XAPI_PASSWORD", server.password);
  vi.stubEnv("APP_URL", appUrl);
  const plans = statementEvents.flatMap((event) => planXapi(event));
  expect(plans).toHaveLength(statementEvents.length);

  // The first request meets a 503; the worker's retry (done here by hand) then gets through.
  const first = await sendXapi(plans[0]);
  expect(first).toMatchObject({ ok: false, status: 503 });
  expect(first.error).toMatch(/^the LRS answered 503/);
  for (const plan of plans) expect(await sendXapi(plan)).toEqual({ ok: true, status: 204 });

  const ids = plans.map((p) => JSON.parse(p.payload).id);
  expect(server.receipts()).toEqual(ids.map((id) => ({ id, method: "PUT", outcome: "stored" })));
  expect(server.requestCount()).toBe(plans.length + 1);
  for (const statement of server.statements()) expect(xapiProblems(statement)).toEqual([]);
});

test("a statement the LRS already holds (409) counts as delivered, and is stored once", async () => {
  const server = await lrs();
  const plan = planFor(server);
  expect(await putStatement(plan)).toEqual({ ok: true, status: 204 });
  expect(await putStatement(plan)).toEqual({ ok: true, status: 204 });
  const changed = { ...JSON.parse(plan.payload), timestamp: "2025-03-05T00:00:00.000Z" };
  expect(await putStatement({ ...plan, payload: JSON.stringify(changed) })).toEqual({
    ok: true,
    status: 409,
  });
  expect(server.statements()).toHaveLength(1);
  expect(server.receipts().map((r) => r.outcome)).toEqual(["stored", "duplicate", "conflict"]);
});

test("refusals and unreachable LRSs are reported, not thrown", async () => {
  const server = await lrs();
  const plan = planFor(server);
  expect(await putStatement({ ...plan, password: "wrong" })).toEqual({
    ok: false,
    status: 401,
    error: "the LRS answered 401 Unauthorized",
  });
  expect(await putStatement({ ...plan, payload: "{}" })).toEqual({
    ok: false,
    error: "the delivery does not hold an xAPI statement with an id",
  });

  const closed = await lrs();
  await closed.close();
  expect(await putStatement(planFor(closed))).toEqual({
    ok: false,
    error: "could not reach the LRS: ECONNREFUSED",
  });
});

test("an LRS that never answers times out", async () => {
  const silent = http.createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const address = silent.address();
  if (!address || typeof address === "string") throw new Error("no port");
  try {
    const result = await putStatement({
      ...planFor(await lrs()),
      target: `http://127.0.0.1:${address.port}/xapi/statements`,
      timeoutMs: 200,
    });
    expect(result).toEqual({ ok: false, error: "the LRS did not answer within 0.2 s" });
  } finally {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  }
});
