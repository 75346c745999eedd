import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "#db/schema";
import { getEnv } from "./env.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.resolve("db/migrations");

export function openDatabase(filePath: string): Db {
  if (filePath !== ":memory:")
    fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const sqlite = new Database(filePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

// One handle per process; kept on globalThis so dev-server reloads reuse it.
const globalForDb = globalThis as unknown as { firsthandDb?: Db };

export function getDb(): Db {
  globalForDb.firsthandDb ??= openDatabase(getEnv().DATABASE_PATH);
  return globalForDb.firsthandDb;
}

/**
 * Runs `fn` in a BEGIN IMMEDIATE transaction so read-then-write sequences take the write lock
 * up front instead of failing with SQLITE_BUSY when they upgrade.
 */
export function immediateTransaction<T>(fn: (db: Db) => T): T {
  const db = getDb();
  return db.$client.transaction(() => fn(db)).immediate();
}
