import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";

const run = promisify(execFile);

export { freePort } from "../spawn-server";

export function tempDatabasePath(name: string) {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), `firsthand-${name}-`)), `${name}.db`);
}

export function removeDatabaseDir(databasePath: string) {
  fs.rmSync(path.dirname(databasePath), { recursive: true, force: true });
}

/** Adds `count` reps (password "firsthand-demo") to the database file; returns their emails. */
export async function createReps({
  databasePath,
  count,
  prefix,
}: {
  databasePath: string;
  count: number;
  prefix: string;
}): Promise<string[]> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "tests/concurrency/create-reps.ts", String(count), prefix],
    { env: { ...process.env, DATABASE_PATH: databasePath, SEED_DEMO: "false" } },
  );
  return JSON.parse(stdout) as string[];
}

/** Reads the database file as a separate process would, and closes it again. */
export function readDatabase<T>(databasePath: string, read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

/** Runs `worker` for every item with at most `limit` running at once. */
export async function inParallel<T>(items: T[], limit: number, worker: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await worker(items[next++]);
    }),
  );
}
