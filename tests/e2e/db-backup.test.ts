import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type Database from "better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { demoCatalog, moduleWithKeys } from "./content-keys";
import { postModuleForm, signIn } from "../concurrency/http";
import {
  createReps,
  freePort,
  inParallel,
  readDatabase,
  removeDatabaseDir,
  tempDatabasePath,
} from "../concurrency/load-helpers";
import { launchServer, type ServerProcess } from "../concurrency/server-process";

const run = promisify(execFile);
const sourcePath = tempDatabasePath("backup-source");
const backupFile = path.join(path.dirname(sourcePath), "backup.db");
const restoredPath = tempDatabasePath("backup-restored");
const servers: ServerProcess[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop();
  removeDatabaseDir(sourcePath);
  removeDatabaseDir(restoredPath);
});

function npmRun(script: string, args: string[], databasePath: string) {
  return run("npm", ["run", "--silent", script, "--", ...args], {
    env: { ...process.env, DATABASE_PATH: databasePath },
  });
}

function everyTable(sqlite: Database.Database) {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [t, sqlite.prepare(`select * from "${t}" order by rowid`).all()]),
  ) as Record<string, { id?: number }[]>;
}

test("an online backup taken under write load restores into a fresh path that a server then serves", async () => {
  const [source, products] = await Promise.all([
    launchServer({ databasePath: sourcePath, port: await freePort(), env: { SEED_DEMO: "false" } }),
    demoCatalog(),
  ]);
  servers.push(source);
  const product = [...products].sort(
    (a, b) => b.policy.maxAttemptsPerDay - a.policy.maxAttemptsPerDay,
  )[0];
  const pages = await Promise.all(
    product.modules.map((m) => moduleWithKeys({ productSlug: product.slug, moduleSlug: m.slug })),
  );
  const emails = await createReps({ databasePath: sourcePath, count: 10, prefix: "backup" });
  const cookies = new Map<string, string>();
  await inParallel(emails, 10, async (email) => {
    const cookie = await signIn({ baseUrl: source.baseUrl, email });
    cookies.set(email, cookie);
    // Opened up front, so the load below only adds quiz attempts.
    for (const page of pages) {
      await postModuleForm({
        baseUrl: source.baseUrl,
        cookie,
        productSlug: product.slug,
        moduleSlug: page.module.slug,
        fields: [["intent", "module-opened"]],
      });
    }
  });

  let acknowledged = 0;
  let stopped = false;
  const failures: string[] = [];
  const load = Promise.all(
    emails.map(async (email) => {
      // A check once passed is not answered again, as a rep would not: the app refuses it (409).
      const passed = new Set<string>();
      for (let round = 0; round < product.policy.maxAttemptsPerDay && !stopped; round++) {
        for (const page of pages) {
          for (const key of page.quizKeys) {
            if (stopped) return;
            if (passed.has(key.id)) continue;
            const choice = key.choices[round % key.choices.length].value;
            const reply = await postModuleForm({
              baseUrl: source.baseUrl,
              cookie: cookies.get(email)!,
              productSlug: product.slug,
              moduleSlug: page.module.slug,
              fields: [
                ["intent", "answer-quiz"],
                ["quizId", key.id],
                ["choice", choice],
              ],
            });
            if (reply.status === 200) acknowledged++;
            else failures.push(`${reply.status} ${reply.body}`);
            if (key.correct.length === 1 && key.correct[0] === choice) passed.add(key.id);
          }
        }
      }
    }),
  );
  let loadDone = false;
  void load.finally(() => (loadDone = true));
  const waitForAcknowledged = async (n: number) => {
    while (acknowledged < n && !loadDone) await new Promise((r) => setTimeout(r, 20));
    expect(
      acknowledged,
      "the load ended before that many answers were acknowledged",
    ).toBeGreaterThanOrEqual(n);
  };
  await waitForAcknowledged(50);
  const beforeBackup = acknowledged;
  const backup = await npmRun("db:backup", [backupFile], sourcePath);
  await waitForAcknowledged(acknowledged + 50);
  stopped = true;
  await load;
  expect(failures).toEqual([]);
  expect(backup.stdout).toMatch(/^Backing up: \d+\/\d+ pages copied$/m);
  expect(backup.stdout).toMatch(/^Backed up .* to .*backup\.db: \d+ pages, [\d.]+ MB, \d+ ms\.$/m);

  const restore = await npmRun("db:restore", [backupFile], restoredPath);
  expect(restore.stdout.trim()).toBe(`Restored ${backupFile} into ${restoredPath}.`);

  const final = readDatabase(sourcePath, everyTable);
  const restored = readDatabase(restoredPath, everyTable);
  const newest = Math.max(...restored.quiz_attempts.map((a) => a.id!));
  console.log(
    `backup under load: ${acknowledged} answers acknowledged, ${restored.quiz_attempts.length} of ${final.quiz_attempts.length} attempts in the backup`,
  );
  // The backup is the database as it stood at one moment: every table as at the end of the load,
  // except the attempts, which stop at the moment the copy was taken.
  expect(Object.keys(restored).sort()).toEqual(Object.keys(final).sort());
  expect(restored).toEqual({
    ...final,
    quiz_attempts: final.quiz_attempts.filter((a) => a.id! <= newest),
  });
  const seeded = final.quiz_attempts.length - acknowledged;
  expect(restored.quiz_attempts.length).toBeGreaterThanOrEqual(seeded + beforeBackup);
  expect(restored.quiz_attempts.length).toBeLessThan(final.quiz_attempts.length);

  const restoredServer = await launchServer({ databasePath: restoredPath, port: await freePort() });
  servers.push(restoredServer);
  const [email] = emails;
  const productPage = await fetch(`${restoredServer.baseUrl}/products/${product.slug}`, {
    headers: { cookie: cookies.get(email)! },
    redirect: "manual",
  });
  expect(productPage.status).toBe(200);

  const refused = await npmRun("db:restore", [backupFile], restoredPath).catch(
    (error: { code: number; stderr: string }) => error,
  );
  expect(refused).toMatchObject({
    code: 1,
    stderr: expect.stringContaining(`A running Firsthand server has ${restoredPath} open.`),
  });
});
