import path from "node:path";
import Database from "better-sqlite3";
import { startServer, type RunningServer } from "./start-server";

export type RepStatusRow = {
  email: string;
  product: string;
  status: string;
  eligible: boolean;
  changedAt: Date;
};

function withDatabase<T>(server: RunningServer, run: (db: Database.Database) => T): T {
  const db = new Database(path.join(server.dataDir, "e2e.db"), { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    return run(db);
  } finally {
    db.close();
  }
}

/** Writes rep × product status rows into a running test server's database, as a status change would. */
export function writeRepStatuses(server: RunningServer, rows: RepStatusRow[]) {
  withDatabase(server, (db) => {
    const upsert = db.prepare(
      `insert into rep_statuses (user_id, product_slug, status, eligible, changed_at)
       select id, @product, @status, @eligible, @changedAt from users where email = @email
       on conflict (user_id, product_slug) do update set
         status = excluded.status, eligible = excluded.eligible, changed_at = excluded.changed_at`,
    );
    db.transaction(() => {
      for (const row of rows) {
        const { changes } = upsert.run({
          ...row,
          eligible: row.eligible ? 1 : 0,
          changedAt: row.changedAt.getTime(),
        });
        if (changes !== 1) throw new Error(`No user ${row.email} to give a status`);
      }
    })();
  });
}

/** Every status row changed at or after `since`, in the order the API pages them. */
export function readRepStatusKeys(server: RunningServer, since: Date) {
  return withDatabase(server, (db) =>
    (
      db
        .prepare(
          `select u.email as rep, s.product_slug as product, s.changed_at as changedAt
           from rep_statuses s join users u on u.id = s.user_id
           where s.changed_at >= ? order by s.changed_at, s.user_id, s.product_slug`,
        )
        .all(since.getTime()) as { rep: string; product: string; changedAt: number }[]
    ).map((r) => ({ ...r, updatedAt: new Date(r.changedAt).toISOString() })),
  );
}

/**
 * A test server whose start-up status sweep has recorded every active certification, and whose
 * next sweep is an hour away, so status rows a test writes stay as written.
 */
export async function startServerWithSettledStatuses(env: Record<string, string> = {}) {
  const server = await startServer({ SWEEP_INTERVAL_MS: String(60 * 60_000), ...env });
  const unrecorded = () =>
    withDatabase(server, (db) =>
      db
        .prepare(
          `select count(*) as n from certifications c where c.state = 'active' and not exists
           (select 1 from rep_statuses s where s.user_id = c.user_id and s.product_slug = c.product_slug)`,
        )
        .pluck()
        .get(),
    );
  const deadline = Date.now() + 30_000;
  while (unrecorded() !== 0) {
    if (Date.now() > deadline) throw new Error("The start-up sweep did not record the statuses");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return server;
}
