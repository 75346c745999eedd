import { execFile } from "node:child_process";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ModulePage } from "~/content/content.server";
import { databaseUnavailableMessage } from "~/utils/db.server";
import { demoCatalog, moduleWithKeys } from "./content-keys";
import { postModuleForm, signIn, type FormReply } from "../concurrency/http";
import {
  createReps,
  freePort,
  readDatabase,
  removeDatabaseDir,
  tempDatabasePath,
} from "../concurrency/load-helpers";
import { launchServer, type ServerProcess } from "../concurrency/server-process";

const run = promisify(execFile);
const databasePath = tempDatabasePath("faults");
let server: ServerProcess;
let pages: ModulePage[];
const cookies = new Map<string, string>();
const emails = new Map<string, string>();
const email = (rep: string) => emails.get(rep) ?? `${rep}@demo.firsthand.test`;

beforeAll(async () => {
  let products;
  [server, products] = await Promise.all([
    launchServer({ databasePath, port: await freePort() }),
    demoCatalog(),
  ]);
  const product = [...products].sort((a, b) => a.modules.length - b.modules.length)[0];
  pages = await Promise.all(
    product.modules.map((m) => moduleWithKeys({ productSlug: product.slug, moduleSlug: m.slug })),
  );
  for (const rep of ["rep5", "rep6", "rep7"])
    cookies.set(rep, await signIn({ baseUrl: server.baseUrl, email: email(rep) }));
});

afterAll(async () => {
  await server?.injectFault("none");
  await server?.stop();
  removeDatabaseDir(databasePath);
});

/** Row counts of every table (and of completed modules), read from the file by another process. */
function rowCounts(): Record<string, number> {
  return readDatabase(databasePath, (sqlite) => {
    const count = (sql: string) => Number(sqlite.prepare(sql).pluck().get());
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .pluck()
      .all() as string[];
    return {
      completed: count("select count(*) from module_progress where completed_at is not null"),
      ...Object.fromEntries(tables.map((t) => [t, count(`select count(*) from "${t}"`)])),
    };
  });
}

function answer({
  rep,
  page,
  quiz,
  right = true,
  data = true,
}: {
  rep: string;
  page: ModulePage;
  quiz: number;
  right?: boolean;
  data?: boolean;
}) {
  const key = page.quizKeys[quiz];
  const choices = right
    ? key.correct
    : [key.choices.find((c) => !key.correct.includes(c.value))!.value];
  return postModuleForm({
    baseUrl: server.baseUrl,
    cookie: cookies.get(rep)!,
    productSlug: page.product.slug,
    moduleSlug: page.module.slug,
    fields: [
      ["intent", "answer-quiz"],
      ["quizId", key.id],
      ...choices.map((c): [string, string] => ["choice", c]),
    ],
    data,
  });
}

function complete({ rep, page, data = true }: { rep: string; page: ModulePage; data?: boolean }) {
  return postModuleForm({
    baseUrl: server.baseUrl,
    cookie: cookies.get(rep)!,
    productSlug: page.product.slug,
    moduleSlug: page.module.slug,
    fields: [
      ["intent", "complete-module"],
      ["confirm", "yes"],
    ],
    data,
  });
}

function expectUnavailable(reply: FormReply) {
  expect(reply.status).toBe(503);
  expect(reply.body).toContain(databaseUnavailableMessage);
  expect(reply.body).not.toMatch(/sqlite|stack|at .*\.js/i);
}

test("a write while another process holds the database lock past the busy timeout gets a 503 and changes nothing", async () => {
  const before = rowCounts();
  const locker = new Database(databasePath);
  locker.exec("BEGIN IMMEDIATE");
  let reply: FormReply;
  try {
    // A form posted without JavaScript: the person sees the error page with the message.
    reply = await answer({ rep: "rep5", page: pages[0], quiz: 0, data: false });
  } finally {
    locker.exec("ROLLBACK");
    locker.close();
  }
  expectUnavailable(reply);
  expect(reply.body).toContain("<html");
  expect(rowCounts()).toEqual(before);
  expect(server.output()).toContain("Database unavailable (SQLITE_BUSY)");

  expect((await answer({ rep: "rep5", page: pages[0], quiz: 0 })).status).toBe(200);
  expect(rowCounts()).toMatchObject({ quiz_attempts: before.quiz_attempts + 1 });
});

test("a read-only database refuses every write with a 503 and keeps serving pages", async () => {
  const before = rowCounts();
  await server.injectFault("read-only");
  try {
    expectUnavailable(await answer({ rep: "rep6", page: pages[0], quiz: 0 }));
    expectUnavailable(await complete({ rep: "rep5", page: pages[0], data: false }));
    const signInReply = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: email("rep1"), password: "firsthand-demo" }),
      redirect: "manual",
    });
    expectUnavailable({ status: signInReply.status, body: await signInReply.text() });
    const page = await fetch(`${server.baseUrl}/products/${pages[0].product.slug}`, {
      headers: { cookie: cookies.get("rep6")! },
    });
    expect(page.status).toBe(200);
  } finally {
    await server.injectFault("none");
  }
  expect(rowCounts()).toEqual(before);
  expect(server.output()).toContain("Database unavailable (SQLITE_READONLY)");
  expect((await answer({ rep: "rep6", page: pages[0], quiz: 0 })).status).toBe(200);
});

test("a file-size limit reached mid-write (the OS refusing to grow the files) answers 503 and the server recovers once lifted", async () => {
  const before = rowCounts();
  // A soft RLIMIT_FSIZE on the running server: every write past 4 KiB into its files fails.
  await run("prlimit", ["--pid", String(server.pid), "--fsize=4096:unlimited"]);
  try {
    expectUnavailable(await answer({ rep: "rep5", page: pages[1], quiz: 0 }));
    expectUnavailable(await answer({ rep: "rep6", page: pages[1], quiz: 0, data: false }));
  } finally {
    await run("prlimit", ["--pid", String(server.pid), "--fsize=unlimited:unlimited"]);
  }
  expect(rowCounts()).toEqual(before);
  expect(server.output()).toContain("Database unavailable (SQLITE_IOERR");
  expect((await answer({ rep: "rep5", page: pages[1], quiz: 0 })).status).toBe(200);
  expect(rowCounts()).toMatchObject({ quiz_attempts: before.quiz_attempts + 1 });
  expect(
    readDatabase(databasePath, (sqlite) => sqlite.pragma("integrity_check", { simple: true })),
  ).toBe("ok");
});

/** Whether a rep has the track's last module completed and holds an active certification. */
function finishState(rep: string) {
  return readDatabase(databasePath, (sqlite) => ({
    completed: Boolean(
      sqlite
        .prepare(
          `select 1 from module_progress p join users u on u.id = p.user_id
           where u.email = ? and p.module_slug = ? and p.completed_at is not null`,
        )
        .get(email(rep), pages.at(-1)!.module.slug),
    ),
    certifications: Number(
      sqlite
        .prepare(
          `select count(*) from certifications c join users u on u.id = c.user_id
           where u.email = ? and c.product_slug = ? and c.state = 'active'`,
        )
        .pluck()
        .get(email(rep), pages[0].product.slug),
    ),
  }));
}

test("a full database answers 503 once it cannot grow; every acknowledged write is kept and nothing half-written", async () => {
  // Five reps finish every module but the last first, so each last completion issues a certificate.
  const created = await createReps({ databasePath, count: 4, prefix: "finisher" });
  const finishers = ["rep7", ...created.map((address) => address.split("@")[0])];
  for (const address of created) {
    emails.set(address.split("@")[0], address);
    cookies.set(address.split("@")[0], await signIn({ baseUrl: server.baseUrl, email: address }));
  }
  for (const rep of finishers) {
    for (const page of pages) {
      for (let quiz = 0; quiz < page.quizKeys.length; quiz++)
        expect((await answer({ rep, page, quiz })).status).toBe(200);
      if (page !== pages.at(-1)) expect((await complete({ rep, page })).status).toBe(200);
    }
  }
  const before = rowCounts();
  await server.injectFault("full");
  const replies: FormReply[] = [];
  const completions = new Map<string, FormReply>();
  try {
    // Wrong answers, then right ones, for every quiz, until the file has no room left.
    for (const page of pages) {
      for (let quiz = 0; quiz < page.quizKeys.length; quiz++) {
        for (const right of [false, true]) {
          for (const rep of ["rep5", "rep6"])
            replies.push(await answer({ rep, page, quiz, right }));
        }
      }
    }
    for (const rep of finishers) completions.set(rep, await complete({ rep, page: pages.at(-1)! }));
  } finally {
    await server.injectFault("none");
  }
  const after = rowCounts();
  const refused = replies.filter((r) => r.status === 503);
  const refusedCompletions = [...completions.values()].filter((r) => r.status === 503);
  console.log(
    `full database: ${replies.length} answers sent, ${replies.length - refused.length} kept, ${refused.length} refused; ` +
      `${completions.size} completions, ${refusedCompletions.length} refused`,
  );
  expect(refused.length).toBeGreaterThan(0);
  expect(refusedCompletions.length).toBeGreaterThan(0);
  for (const reply of [...refused, ...refusedCompletions]) expectUnavailable(reply);
  // A question these reps passed in an earlier test is settled: refused with 409, nothing written.
  const settled = (r: FormReply) => r.status === 409 && /already passed/.test(r.body);
  expect(replies.filter((r) => ![200, 429, 503].includes(r.status) && !settled(r))).toEqual([]);
  const acknowledged = replies.filter((r) => r.status === 200).length;
  expect(after.quiz_attempts).toBe(before.quiz_attempts + acknowledged);
  // A completion and its certificate are written together or not at all.
  for (const [rep, reply] of completions) {
    const written = reply.status === 200;
    if (!written) expectUnavailable(reply);
    expect(finishState(rep)).toEqual({ completed: written, certifications: written ? 1 : 0 });
  }
  expect(server.output()).toContain("Database unavailable (SQLITE_FULL)");
  expect(server.output()).not.toMatch(/Error:|at .*\.js:\d+/);

  // Afterwards every finisher completes; one whose completion was kept finds it already done.
  for (const rep of finishers)
    expect((await complete({ rep, page: pages.at(-1)! })).status).toBe(
      completions.get(rep)?.status === 200 ? 409 : 200,
    );
  for (const rep of finishers)
    expect(finishState(rep)).toEqual({ completed: true, certifications: 1 });
});
