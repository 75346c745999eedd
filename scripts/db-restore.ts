import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { getEnv } from "~/utils/env.server";
import { replaceFileAtomically } from "./db-backup";

const usage =
  "Usage: npm run db:restore -- FILE [--force]   (replaces DATABASE_PATH with the backup FILE)";

export class RestoreError extends Error {}

const requiredTables = ["__drizzle_migrations", "users", "quiz_attempts", "certifications"];
const knownMigrations = (
  JSON.parse(fs.readFileSync(path.resolve("db/migrations/meta/_journal.json"), "utf8")) as {
    entries: unknown[];
  }
).entries.length;

/** Throws (naming the file `name`) unless `file` is an intact Firsthand database this version of the app can open. */
export function checkFirsthandDatabase({ file, name = file }: { file: string; name?: string }) {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    let integrity: unknown;
    try {
      integrity = sqlite.pragma("integrity_check", { simple: true });
    } catch (error) {
      if (!(error instanceof Database.SqliteError)) throw error;
      if (error.code === "SQLITE_NOTADB")
        throw new RestoreError(`${name} is not a SQLite database.`);
      throw new RestoreError(`${name} is damaged and cannot be restored (${error.message}).`);
    }
    if (integrity !== "ok")
      throw new RestoreError(`${name} failed SQLite's integrity check: ${String(integrity)}`);
    const tables = new Set(
      sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all(),
    );
    const missing = requiredTables.filter((t) => !tables.has(t));
    if (missing.length)
      throw new RestoreError(
        `${name} is not a Firsthand database (no ${missing.join(", ")} table).`,
      );
    const applied = Number(
      sqlite.prepare("select count(*) from __drizzle_migrations").pluck().get(),
    );
    if (applied > knownMigrations)
      throw new RestoreError(`${name} was written by a newer version of Firsthand; upgrade first.`);
  } finally {
    sqlite.close();
  }
}

/** True when another connection (a running server) has the database open. */
export function isDatabaseInUse(file: string) {
  if (!fs.existsSync(file)) return false;
  const probe = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE; COMMIT");
    return false;
  } catch (error) {
    if (!(error instanceof Database.SqliteError)) throw error;
    // Anything else (a damaged or non-SQLite file) cannot be a server's open database.
    return error.code.startsWith("SQLITE_BUSY");
  } finally {
    probe.close();
  }
}

/**
 * Checks a copy of `backup`, then swaps it in for `target` atomically. The database it replaces
 * is kept beside it (with its WAL, so nothing committed is lost) rather than deleted.
 */
export async function restoreDatabase({
  backup,
  target,
  force = false,
  log = console.log,
}: {
  backup: string;
  target: string;
  force?: boolean;
  log?: (line: string) => void;
}) {
  if (!fs.existsSync(backup)) throw new RestoreError(`No backup file at ${backup}.`);
  if (path.resolve(backup) === path.resolve(target))
    throw new RestoreError("The backup file is the database itself.");
  if (isDatabaseInUse(target)) {
    if (!force)
      throw new RestoreError(
        `A running Firsthand server has ${target} open. Stop it first, or pass --force ` +
          "(then restart it at once: writes it accepts before the restart are lost).",
      );
    log(`Warning: ${target} is in use; restart the server now.`);
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  let kept: string | null = null;
  await replaceFileAtomically({
    file: target,
    write: (partial) => {
      fs.copyFileSync(backup, partial);
      checkFirsthandDatabase({ file: partial, name: backup });
      if (!fs.existsSync(target)) return;
      kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      fs.linkSync(target, kept);
      if (fs.existsSync(`${target}-wal`)) fs.renameSync(`${target}-wal`, `${kept}-wal`);
      // A stale -shm would describe the old file's WAL; SQLite rebuilds it on open.
      fs.rmSync(`${target}-shm`, { force: true });
    },
  });
  log(
    `Restored ${backup} into ${target}.${kept ? ` The previous database is kept at ${kept}.` : ""}`,
  );
}

async function main() {
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { force: { type: "boolean", default: false } },
    });
    if (positionals.length !== 1) throw new RestoreError(usage);
    await restoreDatabase({
      backup: positionals[0],
      target: getEnv().DATABASE_PATH,
      force: values.force,
    });
  } catch (error) {
    if (!(error instanceof RestoreError || error instanceof TypeError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
