import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { handoffExport, type HandoffExport } from "~/api/handoff-schemas";
import { createApiToken } from "./api-token";
import { demoEmail } from "./browser";
import { serverForThisFile } from "./server-for-this-file";

// Its own server: the test creates API tokens in its database.
const server = serverForThisFile();
let token: string;
let db: Database.Database;
beforeAll(async () => {
  token = createApiToken(server, ["handoffs:read"]);
  db = new Database(path.join(server.dataDir, "e2e.db"), { readonly: true });
});
afterAll(async () => {
  db?.close();
});

async function exported(id: string): Promise<HandoffExport> {
  const response = await fetch(`${server.baseUrl}/api/v1/handoffs/${id}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return handoffExport.parse(await response.json());
}

const handoffNamed = (account: string, state: string) =>
  db
    .prepare("SELECT id FROM handoffs WHERE account_name = ? AND state = ?")
    .get(account, state) as { id: string };

test("a handoff exports with its promises, every friction point told or not, and its whole history", async () => {
  const rows = db.prepare("SELECT id, state, account_name AS account FROM handoffs").all() as {
    id: string;
    state: string;
    account: string;
  }[];
  expect(rows.length).toBeGreaterThan(3);
  for (const row of rows) {
    const handoff = await exported(row.id);
    expect(handoff).toMatchObject({ id: row.id, state: row.state, account: row.account });
    const untold = db
      .prepare("SELECT text FROM handoff_friction WHERE handoff_id = ? AND told = 0 ORDER BY id")
      .all(row.id) as { text: string }[];
    expect(handoff.friction.filter((f) => !f.told).map((f) => f.text)).toEqual(
      untold.map((u) => u.text),
    );
    const events = db
      .prepare("SELECT kind, message FROM handoff_events WHERE handoff_id = ? ORDER BY at, id")
      .all(row.id);
    expect(handoff.history.map(({ kind, message }) => ({ kind, message }))).toEqual(events);
    expect(handoff.history[0]).toMatchObject({ kind: "filed", actor: handoff.rep.name });
    expect(new URL(handoff.url).pathname).toBe(`/handoffs/${row.id}`);
    // Friction and promises name the module as the rep saw it when filing.
    for (const item of [...handoff.friction, ...handoff.promises])
      expect(handoff.certification.modules.map((m) => m.slug)).toContain(item.module.slug);
  }
});

test("the questioned-then-acknowledged handoff reads as the conversation it was", async () => {
  const handoff = await exported(handoffNamed("Harbor Freight Partners", "acknowledged").id);
  expect(handoff.csm.email).toBe(demoEmail("csm"));
  expect(handoff.history.map((e) => e.kind)).toEqual([
    "filed",
    "questioned",
    "replied",
    "acknowledged",
  ]);
  expect(handoff.history[1]).toMatchObject({ actor: handoff.csm.name });
  expect(handoff.history[1].message).toMatch(/\?$/);
  expect(handoff.promises.length).toBeGreaterThan(0);
  expect(handoff.certification.verifyUrl).toMatch(/\/verify\/[a-z2-7]+$/);
  const verify = await fetch(
    `${server.baseUrl}${new URL(handoff.certification.verifyUrl).pathname}`,
  );
  expect(verify.status).toBe(200);
});

test("an edited handoff links both ways, and the old version stays readable", async () => {
  const old = db
    .prepare(
      "SELECT h.id, n.id AS newer FROM handoffs h JOIN handoffs n ON n.supersedes_id = h.id LIMIT 1",
    )
    .get() as { id: string; newer: string };
  const [before, after] = [await exported(old.id), await exported(old.newer)];
  expect(before).toMatchObject({ state: "superseded", supersededBy: old.newer });
  expect(after).toMatchObject({ supersedes: old.id, supersededBy: null });
  expect(before.history.map((e) => e.kind)).toContain("superseded");
});
