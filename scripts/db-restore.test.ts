import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "~/utils/db.server";
import { backupDatabase } from "./db-backup";
import { restoreDatabase } from "./db-restore";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-restore-"));
const quiet = () => {};
let n = 0;
const file = (name: string) => path.join(dir, `${++n}-${name}`);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function firsthandDatabase(users: string[]) {
  const location = file("firsthand.db");
  const db = openDatabase(location);
  for (const email of users) {
    db.$client
      .prepare(
        "insert into users (id, email, name, role, password_hash, created_at) values (?, ?, ?, 'rep', 'x', 0)",
      )
      .run(crypto.randomUUID(), email, email);
  }
  db.$client.close();
  return location;
}

const emailsIn = (location: string) => {
  const sqlite = new Database(location, { readonly: true });
  try {
    return sqlite.prepare("select email from users order by email").pluck().all();
  } finally {
    sqlite.close();
  }
};

test("a backup restores into a new path with the same rows", async () => {
  const source = firsthandDatabase(["a@x.test", "b@x.test"]);
  const backup = file("backup.db");
  const lines: string[] = [];
  await backupDatabase({ source, target: backup, log: (line) => lines.push(line) });
  expect(lines.at(-1)).toMatch(/^Backed up .* pages/);
  const target = path.join(dir, "fresh", "restored.db");
  await restoreDatabase({ backup, target, log: quiet });
  expect(fs.readdirSync(path.dirname(target))).toEqual(["restored.db"]);
  expect(emailsIn(target)).toEqual(["a@x.test", "b@x.test"]);
});

test("restoring over a database keeps the replaced one, with its WAL, beside it", async () => {
  const backup = file("backup.db");
  await backupDatabase({ source: firsthandDatabase(["old@x.test"]), target: backup, log: quiet });
  const target = firsthandDatabase(["current@x.test"]);
  const lines: string[] = [];
  await restoreDatabase({ backup, target, log: (line) => lines.push(line) });
  expect(emailsIn(target)).toEqual(["old@x.test"]);
  const kept = lines[0].match(/kept at (.+)\.$/)?.[1];
  expect(kept && emailsIn(kept)).toEqual(["current@x.test"]);
});

test("a file that is not a Firsthand database is refused and the database is left alone", async () => {
  const target = firsthandDatabase(["stays@x.test"]);
  const text = file("notes.txt");
  fs.writeFileSync(text, "not a database at all, just some words that are long enough ".repeat(20));
  await expect(restoreDatabase({ backup: text, target, log: quiet })).rejects.toThrow(
    `${text} is not a SQLite database.`,
  );
  const other = file("other.db");
  new Database(other).exec("create table notes (body text)");
  await expect(restoreDatabase({ backup: other, target, log: quiet })).rejects.toThrow(
    /is not a Firsthand database \(no __drizzle_migrations, users, quiz_attempts, certifications table\)/,
  );
  const truncated = file("truncated.db");
  fs.writeFileSync(truncated, fs.readFileSync(firsthandDatabase(["x@x.test"])).subarray(0, 8192));
  await expect(restoreDatabase({ backup: truncated, target, log: quiet })).rejects.toThrow(
    `${truncated} is damaged and cannot be restored (database disk image is malformed).`,
  );
  expect(emailsIn(target)).toEqual(["stays@x.test"]);
  expect(fs.readdirSync(dir).filter((name) => name.includes(".partial-"))).toEqual([]);
});

test("a database a running server holds is not replaced unless forced", async () => {
  const backup = file("backup.db");
  await backupDatabase({ source: firsthandDatabase(["new@x.test"]), target: backup, log: quiet });
  const target = firsthandDatabase(["live@x.test"]);
  const server = new Database(target);
  server.prepare("select count(*) from users").get();
  try {
    await expect(restoreDatabase({ backup, target, log: quiet })).rejects.toThrow(
      /A running Firsthand server has .* open\. Stop it first, or pass --force/,
    );
    expect(emailsIn(target)).toEqual(["live@x.test"]);
    const lines: string[] = [];
    await restoreDatabase({ backup, target, force: true, log: (line) => lines.push(line) });
    expect(lines[0]).toMatch(/is in use; restart the server now/);
  } finally {
    server.close();
  }
  expect(emailsIn(target)).toEqual(["new@x.test"]);
});

test("a backup refuses to overwrite the database itself or write into a missing folder", async () => {
  const source = firsthandDatabase([]);
  await expect(backupDatabase({ source, target: source, log: quiet })).rejects.toThrow(
    "The backup file must not be the database itself.",
  );
  await expect(
    backupDatabase({ source, target: path.join(dir, "missing", "b.db"), log: quiet }),
  ).rejects.toThrow(/The folder for .* does not exist\./);
  await expect(
    backupDatabase({ source: file("absent.db"), target: file("b.db"), log: quiet }),
  ).rejects.toThrow(/^No database at /);
});
