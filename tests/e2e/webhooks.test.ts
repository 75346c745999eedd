import { execFileSync } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { webhookDelivery } from "~/api/webhook-schemas";
import {
  freePort,
  readDatabase,
  removeDatabaseDir,
  tempDatabasePath,
} from "../concurrency/load-helpers";
import { launchServer, type ServerProcess } from "../concurrency/server-process";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { schemaValidator, type JsonSchema, type OpenApiDocument } from "./openapi-contract";

// One server over a copy of the demo content; a receiver that is down while events pile up and
// the server is SIGKILLed with them queued; then a restart, the receiver back, and nothing lost.
const databasePath = tempDatabasePath("webhooks");
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-webhook-content-"));
fs.cpSync("content", contentDir, { recursive: true });
const servers: ServerProcess[] = [];
const receiver = await startWebhookReceiver({ down: true });
const secret = "whsec_test_0123456789abcdef";
const env = {
  CONTENT_DIR: contentDir,
  WEBHOOK_RETRY_BASE_MS: "100",
  OUTBOX_POLL_MS: "100",
  SWEEP_INTERVAL_MS: "300",
};

afterAll(async () => {
  for (const server of servers) await server.stop();
  await receiver.close();
  removeDatabaseDir(databasePath);
  fs.rmSync(contentDir, { recursive: true, force: true });
});

async function waitFor<T>(what: string, probe: () => T | undefined | false, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const query = <T>(sql: string, ...params: unknown[]) =>
  readDatabase(databasePath, (db) => db.prepare(sql).all(...params) as T[]);

function bumpRevision(file: string) {
  const source = fs.readFileSync(file, "utf8");
  fs.writeFileSync(
    file,
    /^revision:/m.test(source)
      ? source.replace(/^revision: *(\d+)/m, (_m, n: string) => `revision: ${Number(n) + 1}`)
      : source.replace(/^---\n/, "---\nrevision: 2\n"),
  );
}

/** Checks `Firsthand-Signature` the way a receiver would, with node:crypto rather than our code. */
function signatureValid(header: string | undefined, body: string, receivedAt: number) {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(`${match[1]}.${body}`).digest();
  const fresh = Math.abs(receivedAt / 1000 - Number(match[1])) <= 300;
  return fresh && timingSafeEqual(expected, Buffer.from(match[2], "hex"));
}

test("a receiver that is down, and a server killed with events queued: every event arrives once, in order per rep, signed", async () => {
  const first = await launchServer({ databasePath, port: await freePort(), env });
  servers.push(first);
  const token = execFileSync(
    "node_modules/.bin/tsx",
    ["scripts/token-create.ts", "--name", "CRM", "--scope", "webhooks:write"],
    { env: { ...process.env, DATABASE_PATH: databasePath, SEED_DEMO: "false" }, encoding: "utf8" },
  )
    .trim()
    .split("\n")
    .at(-1)!;
  const registered = await fetch(`${first.baseUrl}/api/v1/webhooks`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      url: receiver.url,
      secret,
      events: [
        "certification.issued",
        "certification.refresh_due",
        "certification.lapsed",
        "certification.expired",
        "certification.restored",
      ],
    }),
  });
  expect(registered.status).toBe(201);
  expect(await registered.json()).not.toHaveProperty("secret");

  // The sweep first records every certified rep's standing as it is, announcing nothing.
  await waitFor("the first sweep", () => query("select 1 from rep_statuses").length > 0);
  expect(query("select 1 from outbox_events")).toHaveLength(0);

  // A content edit: every rep certified on the product now has a refresh due.
  const certified = query<{ email: string }>(
    `select u.email from rep_statuses s join users u on u.id = s.user_id
     where s.product_slug = 'ledgerflow' and s.status = 'certified'`,
  );
  expect(certified.length).toBeGreaterThan(0);
  bumpRevision(path.join(contentDir, "products/ledgerflow/kickoff.mdx"));
  await waitFor(
    "refresh_due events",
    () =>
      query("select 1 from outbox_events where type = 'certification.refresh_due'").length >=
      certified.length,
  );

  // The clock: one of them reaches the end of their certification's validity. Both records of
  // when it ends (the certification's and the matrix's) move, as they would with time.
  const expiring = certified[0].email;
  const writer = new Database(databasePath);
  for (const table of ["certifications", "rep_statuses"])
    writer
      .prepare(
        `update ${table} set expires_at = ? where product_slug = 'ledgerflow'
         ${table === "certifications" ? "and state = 'active'" : ""}
         and user_id = (select id from users where email = ?)`,
      )
      .run(Date.now() - 1000, expiring);
  writer.close();
  await waitFor(
    "the expiry event",
    () => query("select 1 from outbox_events where type = 'certification.expired'").length === 1,
  );
  await waitFor("retries against the down receiver", () => receiver.calls.length >= 3);

  // Killed with everything still queued; a new process on the same file picks it all up.
  process.kill(first.pid, "SIGKILL");
  await first.exited;
  const second = await launchServer({
    databasePath,
    port: await freePort(),
    env: { ...env, SEED_DEMO: "false" },
  });
  servers.push(second);
  const refusedWhileDown = receiver.calls.length;
  receiver.setDown(false);

  const events = query<{ id: string; type: string; userId: string }>(
    "select id, type, user_id as userId from outbox_events order by seq",
  );
  await waitFor(
    "every event delivered",
    () =>
      new Set(receiver.calls.filter((c) => c.accepted).map((c) => JSON.parse(c.body).id)).size ===
      events.length,
  );
  // Let a few more polls and sweeps pass: nothing may arrive twice, nothing new may appear.
  await new Promise((r) => setTimeout(r, 1500));

  const accepted = receiver.calls.filter((c) => c.accepted);
  expect(refusedWhileDown).toBeGreaterThanOrEqual(3);
  expect(accepted.map((c) => JSON.parse(c.body).id).sort()).toEqual(events.map((e) => e.id).sort());
  expect(query("select 1 from outbox_events")).toHaveLength(events.length);
  for (const call of receiver.calls) {
    expect(signatureValid(call.headers["firsthand-signature"] as string, call.body, call.at)).toBe(
      true,
    );
  }
  const bodies = accepted.map((c) => webhookDelivery.parse(JSON.parse(c.body)));
  // Every delivery matches what the OpenAPI document promises receivers.
  const document = (await (
    await fetch(`${second.baseUrl}/api/v1/openapi.json`)
  ).json()) as OpenApiDocument & {
    webhooks: Record<
      string,
      { post: { requestBody: { content: Record<string, { schema: JsonSchema }> } } }
    >;
  };
  const deliverySchema =
    document.webhooks["certification-event"].post.requestBody.content["application/json"].schema;
  const validate = schemaValidator(document);
  for (const call of accepted) expect(validate(deliverySchema, JSON.parse(call.body))).toEqual([]);
  expect(bodies.filter((b) => b.type === "certification.expired").map((b) => b.data.rep)).toEqual([
    expiring,
  ]);
  for (const b of bodies.filter((b) => b.type === "certification.refresh_due")) {
    expect(b.data).toMatchObject({ product: "ledgerflow", status: "refresh_due", eligible: true });
    expect(b.data.refreshDueModules.map((m) => m.slug)).toContain("kickoff");
  }
  // Per rep, the order the events happened in.
  const order = (ids: string[], rep: string) =>
    ids.filter((id) => events.find((e) => e.id === id)?.userId === rep);
  for (const rep of new Set(events.map((e) => e.userId))) {
    expect(
      order(
        accepted.map((c) => JSON.parse(c.body).id),
        rep,
      ),
    ).toEqual(
      order(
        events.map((e) => e.id),
        rep,
      ),
    );
  }
  const expiringTypes = bodies.filter((b) => b.data.rep === expiring).map((b) => b.type);
  expect(expiringTypes).toEqual(["certification.refresh_due", "certification.expired"]);

  // The delivery log keeps every attempt, failed ones included.
  const attempts = query<{ ok: number }>("select ok from delivery_attempts");
  expect(attempts.filter((a) => !a.ok).length).toBe(refusedWhileDown);
  expect(attempts.filter((a) => a.ok).length).toBe(events.length);
});
