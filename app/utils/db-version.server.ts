import type { Statement } from "better-sqlite3";
import { getDb, type Db } from "./db.server";

const statements = new WeakMap<Db, Statement<[], { own: number }>>();

/**
 * Changes whenever anything is written to the database, by this connection (`total_changes`) or
 * another one (`data_version`): a cache keyed by it is never stale.
 */
export function getDatabaseVersion(): string {
  const db = getDb();
  let statement = statements.get(db);
  if (!statement) {
    statement = db.$client.prepare("SELECT total_changes() AS own");
    statements.set(db, statement);
  }
  const others: unknown = db.$client.pragma("data_version", { simple: true });
  return `${statement.get()?.own}:${String(others)}`;
}
