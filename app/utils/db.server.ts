import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "#db/schema";
import { getEnv } from "./env.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.resolve("db/migrations");

export const databaseUnavailableMessage =
  "Firsthand could not save this just now; nothing was changed. Please try again in a minute.";

// SQLite rolls the statement or transaction back for each of these, so "nothing was changed" holds.
const unavailableCodes = [
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_READONLY",
  "SQLITE_FULL",
  "SQLITE_IOERR",
];

/** True for SQLite errors that mean "the database cannot take this write now", not a bug. */
export function isDatabaseUnavailableError(
  error: unknown,
): error is InstanceType<typeof Database.SqliteError> {
  return (
    error instanceof Database.SqliteError &&
    unavailableCodes.some((code) => error.code === code || error.code.startsWith(`${code}_`))
  );
}

export function databaseUnavailableResponse(): Response {
  return new Response(databaseUnavailableMessage, {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" },
  });
}

/** Throws the 503 Response for an unavailable database (logging the real cause), else `error`. */
export function rethrowIfDatabaseUnavailable(error: unknown): never {
  if (!isDatabaseUnavailableError(error)) throw error;
  console.error(`Database unavailable (${error.code}): ${error.message}`);
  throw databaseUnavailableResponse();
}

/**
 * Statements from this handle turn "cannot write now" SQLite errors into a 503 Response, so every
 * query anywhere in the app answers a person with a retryable message instead of a 500. Drizzle
 * runs every query through `prepare`, so wrapping the statements covers all of them.
 */
class GuardedDatabase extends Database {
  prepare<BindParameters extends unknown[] | object = unknown[], Result = unknown>(
    source: string,
  ): Database.Statement<BindParameters, Result> {
    return guardStatement(super.prepare<BindParameters, Result>(source));
  }
}

function guardStatement<S extends object>(statement: S): S {
  // One wrapper per method and statement: prepared statements are reused for every request.
  const wrappers = new Map<PropertyKey, (...args: unknown[]) => unknown>();
  const guarded: S = new Proxy(statement, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      let wrapper = wrappers.get(property);
      if (!wrapper) {
        wrapper = (...args: unknown[]) => {
          try {
            const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
            // raw(), pluck(), bind()… return the statement itself; keep handing out the guarded one.
            return result === target ? guarded : result;
          } catch (error) {
            rethrowIfDatabaseUnavailable(error);
          }
        };
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
  return guarded;
}

export function openDatabase(filePath: string): Db {
  if (filePath !== ":memory:")
    fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const sqlite = new GuardedDatabase(filePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

/** A database someone else serves, opened to read only: no migration, no journal change. */
export function openDatabaseReadOnly(filePath: string): Db {
  const sqlite = new GuardedDatabase(filePath, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema });
}

// One handle per process; kept on globalThis so dev-server reloads reuse it.
const globalForDb = globalThis as unknown as { firsthandDb?: Db };

export function getDb(): Db {
  globalForDb.firsthandDb ??= openDatabase(getEnv().DATABASE_PATH);
  return globalForDb.firsthandDb;
}

/**
 * Runs `fn` in a BEGIN IMMEDIATE transaction so read-then-write sequences take the write lock
 * up front instead of failing with SQLITE_BUSY when they upgrade. If the database cannot take the
 * write (locked, read-only, full), everything is rolled back and a 503 Response is thrown.
 */
export function immediateTransaction<T>(fn: (db: Db) => T): T {
  const db = getDb();
  try {
    return db.$client.transaction(() => fn(db)).immediate();
  } catch (error) {
    rethrowIfDatabaseUnavailable(error);
  }
}
