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

const reps = 12;
const databasePath = tempDatabasePath("crash");
const servers: ServerProcess[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop();
  removeDatabaseDir(databasePath);
});

test("SIGKILL under load, then a restart on the same file: every acknowledged answer and completion is there", async () => {
  const [first, products] = await Promise.all([
    launchServer({ databasePath, port: await freePort(), env: { SEED_DEMO: "false" } }),
    demoCatalog(),
  ]);
  servers.push(first);
  const product = [...products].sort((a, b) => a.modules.length - b.modules.length)[0];
  const pages = await Promise.all(
    product.modules.map((m) => moduleWithKeys({ productSlug: product.slug, moduleSlug: m.slug })),
  );
  const emails = await createReps({ databasePath, count: reps, prefix: "crash" });
  const cookies = new Map<string, string>();
  await inParallel(emails, 10, async (email) => {
    cookies.set(email, await signIn({ baseUrl: first.baseUrl, email }));
  });

  const acknowledged = { answers: [] as string[], completions: [] as string[] };
  const unexpected: string[] = [];
  let unanswered = 0;
  const totalOps = reps * pages.reduce((n, p) => n + p.quizKeys.length + 1, 0);
  let killAt: () => void = () => {};
  const killed = new Promise<void>((resolve) => (killAt = resolve));
  const send = async (email: string, moduleSlug: string, fields: [string, string][]) => {
    try {
      const reply = await postModuleForm({
        baseUrl: first.baseUrl,
        cookie: cookies.get(email)!,
        productSlug: product.slug,
        moduleSlug,
        fields,
      });
      if (reply.status !== 200) unexpected.push(`${reply.status} ${reply.body}`);
      return reply.status === 200;
    } catch {
      // The connection died with the server: this request was never acknowledged.
      unanswered++;
      return false;
    }
  };
  const load = Promise.all(
    emails.map(async (email) => {
      for (const page of pages) {
        const moduleSlug = page.module.slug;
        for (const key of page.quizKeys) {
          const fields: [string, string][] = [
            ["intent", "answer-quiz"],
            ["quizId", key.id],
            ...key.correct.map((v): [string, string] => ["choice", v]),
          ];
          if (!(await send(email, moduleSlug, fields))) return;
          acknowledged.answers.push(`${email} ${key.id}`);
          if (acknowledged.answers.length === Math.floor(totalOps / 3)) killAt();
        }
        const fields: [string, string][] = [
          ["intent", "complete-module"],
          ["confirm", "yes"],
        ];
        if (!(await send(email, moduleSlug, fields))) return;
        acknowledged.completions.push(`${email} ${moduleSlug}`);
      }
    }),
  );
  await killed;
  process.kill(first.pid, "SIGKILL");
  expect(await first.exited).toBe("SIGKILL");
  await load;
  console.log(
    `killed after ${acknowledged.answers.length} acknowledged answers and ${acknowledged.completions.length} completions; ${unanswered} requests in flight`,
  );
  expect(unexpected).toEqual([]);
  expect(unanswered).toBeGreaterThan(0);
  expect(acknowledged.completions.length).toBeGreaterThan(0);

  const second = await launchServer({
    databasePath,
    port: await freePort(),
    env: { SEED_DEMO: "false" },
  });
  servers.push(second);
  const stored = readDatabase(databasePath, (sqlite) => ({
    integrity: sqlite.pragma("integrity_check", { simple: true }),
    answers: (
      sqlite
        .prepare(
          `select u.email || ' ' || a.quiz_id from quiz_attempts a join users u on u.id = a.user_id
           where u.email like 'crash-%'`,
        )
        .pluck()
        .all() as string[]
    ).sort(),
    completions: (
      sqlite
        .prepare(
          `select u.email || ' ' || p.module_slug from module_progress p join users u on u.id = p.user_id
           where u.email like 'crash-%' and p.completed_at is not null`,
        )
        .pluck()
        .all() as string[]
    ).sort(),
  }));
  expect(stored.integrity).toBe("ok");
  expect(stored.answers).toEqual(expect.arrayContaining(acknowledged.answers));
  expect(stored.completions).toEqual(expect.arrayContaining(acknowledged.completions));
  // Anything beyond the acknowledged writes is a request that was cut off after it committed.
  const extra =
    stored.answers.length -
    acknowledged.answers.length +
    stored.completions.length -
    acknowledged.completions.length;
  expect(extra).toBeLessThanOrEqual(unanswered);
  expect(new Set(stored.answers).size).toBe(stored.answers.length);

  // The restarted server carries on: the old session still works and the next answer is kept.
  const email = emails[0];
  const page = pages.find((p) =>
    p.quizKeys.some((k) => !stored.answers.includes(`${email} ${k.id}`)),
  );
  const key = page!.quizKeys.find((k) => !stored.answers.includes(`${email} ${k.id}`))!;
  const reply = await postModuleForm({
    baseUrl: second.baseUrl,
    cookie: cookies.get(email)!,
    productSlug: product.slug,
    moduleSlug: page!.module.slug,
    fields: [
      ["intent", "answer-quiz"],
      ["quizId", key.id],
      ...key.correct.map((v): [string, string] => ["choice", v]),
    ],
  });
  expect(reply.status).toBe(200);
  const after = readDatabase(databasePath, (sqlite) =>
    sqlite
      .prepare(
        "select count(*) from quiz_attempts a join users u on u.id = a.user_id where u.email = ? and a.quiz_id = ?",
      )
      .pluck()
      .get(email, key.id),
  );
  expect(after).toBe(1);
  expect(second.output()).not.toMatch(/Error|SQLITE/);
});
