import { sql } from "drizzle-orm";
import { getDb } from "./db.server";

/**
 * Changes whenever anything is written to the database, by this connection (`total_changes`) or
 * another one (`data_version`): a cache keyed by it is never stale.
 */
export function getDatabaseVersion(): string {
  const row = getDb().get<{ own: number; others: number }>(
    sql`SELECT total_changes() AS own, (SELECT data_version FROM pragma_data_version) AS others`,
  );
  return `${row?.own}:${row?.others}`;
}
