import { afterAll, beforeAll, expect, test } from "vitest";
import { demoCatalog, moduleWithKeys } from "./content-keys";
import { postModuleForm, signIn, type FormReply } from "../concurrency/http";
import {
  createReps,
  freePort,
  inParallel,
  readDatabase,
  removeDatabaseDir,
  tempDatabasePath,
} from "../concurrency/load-helpers";
import { launchServer, type ServerProcess } from "../concurrency/server-process";

const writers = 50;
const databasePath = tempDatabasePath("concurrency");
let server: ServerProcess;
let products: Awaited<ReturnType<typeof demoCatalog>>;

beforeAll(async () => {
  [server, products] = await Promise.all([
    launchServer({ databasePath, port: await freePort(), env: { SEED_DEMO: "false" } }),
    demoCatalog(),
  ]);
});

afterAll(async () => {
  await server?.stop();
  removeDatabaseDir(databasePath);
});

type Sent = FormReply & { email: string; intent: string; quizId?: string; moduleSlug: string };

test(`${writers} reps answering and completing a track at once: every acknowledged attempt kept exactly once, one certification each, no 5xx`, async () => {
  const product = [...products].sort(
    (a, b) =>
      a.modules.flatMap((m) => m.quizIds).length - b.modules.flatMap((m) => m.quizIds).length,
  )[0];
  const pages = await Promise.all(
    product.modules.map((m) => moduleWithKeys({ productSlug: product.slug, moduleSlug: m.slug })),
  );
  const emails = await createReps({ databasePath, count: writers, prefix: "writer" });
  const cookies = new Map<string, string>();
  await inParallel(emails, 10, async (email) => {
    cookies.set(email, await signIn({ baseUrl: server.baseUrl, email }));
  });

  const sent: Sent[] = [];
  const post = async (email: string, moduleSlug: string, fields: [string, string][]) => {
    const reply = await postModuleForm({
      baseUrl: server.baseUrl,
      cookie: cookies.get(email)!,
      productSlug: product.slug,
      moduleSlug,
      fields,
    });
    const quizId = fields.find(([name]) => name === "quizId")?.[1];
    sent.push({ ...reply, email, moduleSlug, intent: fields[0][1], quizId });
  };
  const started = Date.now();
  // Meanwhile another process writes to the same file, as an admin running user:create would.
  const [admin] = await Promise.all([
    createReps({ databasePath, count: 10, prefix: "admin-added" }),
    ...emails.map(async (email) => {
      for (const page of pages) {
        const moduleSlug = page.module.slug;
        for (const key of page.quizKeys) {
          await post(email, moduleSlug, [
            ["intent", "answer-quiz"],
            ["quizId", key.id],
            ...key.correct.map((value): [string, string] => ["choice", value]),
          ]);
        }
        const complete: [string, string][] = [
          ["intent", "complete-module"],
          ["confirm", "yes"],
        ];
        // The last module is submitted twice at once, as a double click would.
        const times = page === pages.at(-1) ? 2 : 1;
        await Promise.all(Array.from({ length: times }, () => post(email, moduleSlug, complete)));
      }
    }),
  ]);
  expect(admin).toHaveLength(10);
  const elapsed = Date.now() - started;
  const quizCount = pages.reduce((n, p) => n + p.quizKeys.length, 0);
  console.log(
    `${writers} writers, ${sent.length} POSTs (${quizCount} answers + ${pages.length + 1} completions each) in ${elapsed} ms`,
  );

  expect(sent).toHaveLength(writers * (quizCount + pages.length + 1));
  // Of a double click, the second may find the module already complete: a 409 that writes nothing.
  const secondClick = (r: (typeof sent)[number]) =>
    r.status === 409 && r.intent === "complete-module" && /already completed/.test(r.body);
  expect(
    sent.filter((r) => r.status !== 200 && !secondClick(r)).map((r) => `${r.status} ${r.body}`),
  ).toEqual([]);
  expect(sent.filter(secondClick).length).toBeLessThanOrEqual(writers);
  expect(sent.filter((r) => /sqlite/i.test(r.body))).toEqual([]);
  expect(server.output()).not.toMatch(/SQLITE|Error/);

  const stored = readDatabase(databasePath, (sqlite) => ({
    attempts: sqlite
      .prepare(
        `select u.email, a.quiz_id as quizId from quiz_attempts a join users u on u.id = a.user_id
         where u.email like 'writer-%' and a.product_slug = ?`,
      )
      .all(product.slug) as { email: string; quizId: string }[],
    completed: sqlite
      .prepare(
        `select u.email, p.module_slug as moduleSlug from module_progress p join users u on u.id = p.user_id
         where u.email like 'writer-%' and p.product_slug = ? and p.completed_at is not null`,
      )
      .all(product.slug) as { email: string; moduleSlug: string }[],
    certifications: sqlite
      .prepare(
        `select u.email, c.id, c.state from certifications c join users u on u.id = c.user_id
         where u.email like 'writer-%' and c.product_slug = ?`,
      )
      .all(product.slug) as { email: string; id: string; state: string }[],
  }));

  const acknowledgedAttempts = sent
    .filter((r) => r.intent === "answer-quiz")
    .map((r) => `${r.email} ${r.quizId}`)
    .sort();
  expect(stored.attempts.map((a) => `${a.email} ${a.quizId}`).sort()).toEqual(acknowledgedAttempts);
  const expectedCompletions = emails.flatMap((email) =>
    pages.map((p) => `${email} ${p.module.slug}`),
  );
  expect(stored.completed.map((c) => `${c.email} ${c.moduleSlug}`).sort()).toEqual(
    expectedCompletions.sort(),
  );
  expect(stored.certifications.map((c) => `${c.email} ${c.state}`).sort()).toEqual(
    emails.map((email) => `${email} active`).sort(),
  );
  // Each rep was told about their certificate once, by the submission that issued it.
  for (const { email, id } of stored.certifications) {
    expect(sent.filter((r) => r.email === email && r.body.includes(id))).toHaveLength(1);
  }
});
