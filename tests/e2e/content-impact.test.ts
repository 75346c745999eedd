import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { demoEmail } from "./browser";

// `npm run content:impact` against a real demo database, seeded as `npm run db:seed` does, and a
// copy of the content folder the test edits the way an author would before it goes live.
const run = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "fh-impact-"));
const databasePath = path.join(work, "demo.db");
const contentDir = path.join(work, "content");
const ledgerflow = path.join(contentDir, "products/ledgerflow");
const crewline = path.join(contentDir, "products/crewline");

beforeAll(async () => {
  await run("npm", ["run", "--silent", "db:seed"], {
    env: { ...process.env, DATABASE_PATH: databasePath },
  });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function freshContent() {
  fs.rmSync(contentDir, { recursive: true, force: true });
  fs.cpSync("content", contentDir, { recursive: true });
}

function setRevision(file: string, revision: number) {
  const source = fs.readFileSync(file, "utf8");
  const next = source.replace(/^revision: \d+$/m, `revision: ${revision}`);
  expect(next, `${file} states a revision`).not.toBe(source);
  fs.writeFileSync(file, next);
}

async function impact(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      "npm",
      ["run", "--silent", "content:impact", "--", ...args],
      { env: { ...process.env, DATABASE_PATH: databasePath, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The rep lines: two spaces, then the email. */
const repLines = (stdout: string) => stdout.split("\n").filter((line) => line.startsWith("  "));
const emails = (stdout: string) => repLines(stdout).map((line) => line.trim().split(" ")[0]);

function rowCounts() {
  const sqlite = new Database(databasePath, { readonly: true });
  const count = (table: string) =>
    (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const counts = ["module_sources", "certifications", "rep_statuses", "module_builds"].map(count);
  sqlite.close();
  return counts;
}

test("a folder that matches what is live touches nobody, and the progress line goes to stderr", async () => {
  freshContent();
  const result = await impact(["--dir", contentDir]);
  expect(result.code).toBe(0);
  expect(repLines(result.stdout)).toEqual([]);
  expect(result.stdout).toContain("0 module changes, 0 certifications");
  expect(result.stderr).toMatch(/\[3\/3\] comparing ledgerflow \(7 modules\)/);
});

test("bumping the module rep2 still owes names exactly rep1 (moved to refresh due) and rep2 (deadline moves)", async () => {
  freshContent();
  const before = rowCounts();
  setRevision(path.join(ledgerflow, "ingestion-rules.mdx"), 3);
  const result = await impact(["--dir", contentDir]);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(
    'ledgerflow/ingestion-rules "Automate ingestion with rules": revision 2 → revision 3',
  );
  expect(emails(result.stdout)).toEqual([demoEmail("rep1"), demoEmail("rep2")]);
  const [rep1, rep2] = repLines(result.stdout);
  // LedgerFlow's grace period is the default 14 days, counted from when revision 3 would go live.
  const lapse = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.now() + 14 * 24 * 60 * 60 * 1000));
  expect(rep1).toContain(`ledgerflow: Certified → Refresh due, lapses ${lapse}`);
  expect(rep2).toMatch(new RegExp(`Refresh due → Refresh due, lapses ${lapse} \\(was .+\\)`));
  expect(rep2).toContain('"Automate ingestion with rules" r1 → r3');
  // rep3 and rep4 are part-way through LedgerFlow: no certification to touch.
  expect(result.stdout).not.toContain(demoEmail("rep3"));
  expect(result.stdout).toContain("1 module change, 2 certifications");
  expect(rowCounts(), "the database is only read").toEqual(before);
});

test("bumping another LedgerFlow module keeps rep2's first deadline; a Crewline bump names rep1, rep9 and the lapsed rep4", async () => {
  freshContent();
  setRevision(path.join(ledgerflow, "kickoff.mdx"), 2);
  setRevision(path.join(crewline, "01-import-your-crew.mdx"), 2);
  const result = await impact(["--dir", contentDir]);
  expect(result.code).toBe(0);
  expect(emails(result.stdout).sort()).toEqual(
    [
      demoEmail("rep1"),
      demoEmail("rep1"),
      demoEmail("rep2"),
      demoEmail("rep4"),
      demoEmail("rep9"),
    ].sort(),
  );
  const lines = repLines(result.stdout);
  // rep9 (Team South) is certified on Crewline only.
  const rep9 = lines.find((line) => line.includes(demoEmail("rep9")));
  expect(rep9).toMatch(/crewline: Certified → Refresh due, lapses/);
  const rep2 = lines.find((line) => line.includes(demoEmail("rep2")));
  expect(rep2).toMatch(/ledgerflow: Refresh due → Refresh due, lapses [^(]+; re-take/);
  const rep4 = lines.find((line) => line.includes(demoEmail("rep4")));
  expect(rep4).toMatch(/crewline: Lapsed → Lapsed, lapsed since/);
  const rep1Crewline = lines.find((l) => l.includes(demoEmail("rep1")) && l.includes("crewline"));
  expect(rep1Crewline).toContain("Certified → Refresh due");
  expect(result.stdout).toContain("2 module changes, 5 certifications");
});

test("an edit whose revision cannot be read keeps the live revision and is reported", async () => {
  freshContent();
  const file = path.join(ledgerflow, "ingestion-rules.mdx");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("revision: 2", "revision: three"));
  const result = await impact(["--dir", contentDir, "--product", "ledgerflow"]);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^warning products\/ledgerflow\/ingestion-rules\.mdx:\d+ /m);
  expect(repLines(result.stdout)).toEqual([]);
});

test("a bad --dir, an unknown product, a missing database or a bad option is a clear message and exit 1", async () => {
  freshContent();
  const missing = await impact(["--dir", path.join(work, "no-such-folder")]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain(
    `content:impact: ${path.join(work, "no-such-folder")} does not exist`,
  );
  const empty = fs.mkdtempSync(path.join(work, "empty-"));
  fs.mkdirSync(path.join(empty, "products"));
  expect((await impact(["--dir", empty])).stderr).toContain("holds no product");
  const unknown = await impact(["--dir", contentDir, "--product", "nope"]);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('has no product "nope"');
  const noDb = await impact(["--dir", contentDir], { DATABASE_PATH: path.join(work, "x.db") });
  expect(noDb.code).toBe(1);
  expect(noDb.stderr).toContain("no database at");
  const option = await impact(["--folder", contentDir]);
  expect(option.code).toBe(1);
  expect(option.stderr).toContain("Usage: --dir DIR");
  for (const result of [missing, unknown, noDb, option]) expect(result.stdout).toBe("");
});
