import { getDb, type Db } from "./db.server";

/**
 * A query built once per database handle and reused. Drizzle then builds its SQL and SQLite compiles
 * it only the first time; hot reads (a rep's standing, per product, per page) otherwise spend most
 * of their time there. Bind values through `sql.placeholder` (dates as epoch milliseconds).
 */
export function preparedQuery<T>(build: (db: Db) => T): (db?: Db) => T {
  const byDb = new WeakMap<Db, T>();
  return (db = getDb()) => {
    let query = byDb.get(db);
    if (query === undefined) {
      query = build(db);
      byDb.set(db, query);
    }
    return query;
  };
}
