import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { getEnv } from "~/utils/env.server";

const usage =
  "Usage: npm run db:backup -- FILE   (copies DATABASE_PATH while the app keeps serving)";

export class BackupError extends Error {}

const pagesPerStep = 1000;
// Every write by the running server restarts an incremental backup; after this many restarts the
// rest is copied in one step, which holds one read snapshot (WAL readers never block writers).
const restartsBeforeOneStep = 2;

/** Writes beside `file`, fsyncs, then renames, so `file` is always either absent or complete. */
export async function replaceFileAtomically({
  file,
  write,
}: {
  file: string;
  write: (partial: string) => void | Promise<void>;
}) {
  const partial = `${file}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  try {
    await write(partial);
    const fd = fs.openSync(partial, "r+");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
    const dir = fs.openSync(path.dirname(path.resolve(file)), "r");
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`])
      fs.rmSync(leftover, { force: true });
  }
}

function stepper(log: (line: string) => void) {
  let previousRemaining = Infinity;
  let restarts = 0;
  return ({ totalPages, remainingPages }: { totalPages: number; remainingPages: number }) => {
    if (remainingPages >= previousRemaining) restarts++;
    previousRemaining = remainingPages;
    log(`Backing up: ${totalPages - remainingPages}/${totalPages} pages copied`);
    return restarts >= restartsBeforeOneStep ? 0x7fffffff : pagesPerStep;
  };
}

/** Online backup with SQLite's backup API: a consistent copy even while the server writes. */
export async function backupDatabase({
  source,
  target,
  log = console.log,
}: {
  source: string;
  target: string;
  log?: (line: string) => void;
}) {
  if (!fs.existsSync(source)) throw new BackupError(`No database at ${source}.`);
  if (path.resolve(source) === path.resolve(target))
    throw new BackupError("The backup file must not be the database itself.");
  if (!fs.existsSync(path.dirname(path.resolve(target))))
    throw new BackupError(`The folder for ${target} does not exist.`);
  const started = Date.now();
  let pages = 0;
  await replaceFileAtomically({
    file: target,
    write: async (partial) => {
      const sqlite = new Database(source, { fileMustExist: true, timeout: 5000 });
      try {
        await sqlite.backup(partial, { progress: stepper(log) });
      } finally {
        sqlite.close();
      }
      const copy = new Database(partial, { fileMustExist: true });
      try {
        const integrity = copy.pragma("integrity_check", { simple: true });
        if (integrity !== "ok")
          throw new BackupError(`The copy failed its integrity check: ${integrity}`);
        pages = Number(copy.pragma("page_count", { simple: true }));
      } finally {
        copy.close();
      }
    },
  });
  const megabytes = (fs.statSync(target).size / 1024 / 1024).toFixed(1);
  log(
    `Backed up ${source} to ${target}: ${pages} pages, ${megabytes} MB, ${Date.now() - started} ms.`,
  );
}

async function main() {
  try {
    const { positionals } = parseArgs({ allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new BackupError(usage);
    await backupDatabase({ source: getEnv().DATABASE_PATH, target: positionals[0] });
  } catch (error) {
    if (!(error instanceof BackupError || error instanceof TypeError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
