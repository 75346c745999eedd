import type { Statement } from "better-sqlite3";
import { getDb, type Db } from "./db.server";

type VersionReads = {
  handle: number;
  own: Statement<[], number>;
  others: Statement<[], number>;
};
const statements = new WeakMap<Db, VersionReads>();
let handles = 0;

/**
 * Changes whenever anything is written to the database, by this connection (`total_changes`) or
 * another one (`data_version`): a cache keyed by it is never stale. It names the handle too, so
 * two databases (tests open many) never share one. Prepared once: it is read for every standing.
 */
export function getDatabaseVersion(): string {
  const db = getDb();
  let reads = statements.get(db);
  if (!reads) {
    reads = {
      handle: ++handles,
      own: db.$client.prepare<[], number>("SELECT total_changes()").pluck(),
      others: db.$client.prepare<[], number>("PRAGMA data_version").pluck(),
    };
    statements.set(db, reads);
  }
  return `${reads.handle}:${reads.own.get()}:${reads.others.get()}`;
}
