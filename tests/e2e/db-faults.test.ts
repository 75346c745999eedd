import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ModulePage } from "~/content/content.server";
import { databaseUnavailableMessage } from "~/utils/db.server";
import { demoCatalog, moduleWithKeys } from "./content-keys";
import { postModuleForm, signIn, type FormReply } from "../concurrency/http";
import {
  freePort,
  readDatabase,
  removeDatabaseDir,
  tempDatabasePath,
} from "../concurrency/load-helpers";
import { launchServer, type ServerProcess } from "../concurrency/server-process";

const databasePath = tempDatabasePath("faults");
let server: ServerProcess;
let pages: ModulePage[];
const cookies = new Map<string, string>();
const email = (rep: string) => `${rep}@demo.firsthand.test`;

beforeAll(async () => {
  server = await launchServer({ databasePath, port: await freePort() });
  const products = await demoCatalog();
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

test("a full database answers 503 once it cannot grow; every acknowledged write is kept and nothing half-written", async () => {
  // rep7 finishes every module but the last first, so its last completion would issue a certificate.
  for (const page of pages) {
    for (let quiz = 0; quiz < page.quizKeys.length; quiz++)
      expect((await answer({ rep: "rep7", page, quiz })).status).toBe(200);
    if (page !== pages.at(-1)) expect((await complete({ rep: "rep7", page })).status).toBe(200);
  }
  const before = rowCounts();
  await server.injectFault("full");
  const replies: FormReply[] = [];
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
    const lastCompletion = await complete({ rep: "rep7", page: pages.at(-1)! });
    const after = rowCounts();
    const refused = replies.filter((r) => r.status === 503);
    console.log(
      `full database: ${replies.length} answers sent, ${replies.length - refused.length} kept, ${refused.length} refused; last completion ${lastCompletion.status}`,
    );
    expect(refused.length).toBeGreaterThan(0);
    for (const reply of refused) expectUnavailable(reply);
    const acknowledged = replies.filter((r) => r.status === 200).length;
    expect(replies.filter((r) => r.status !== 200 && r.status !== 503 && r.status !== 429)).toEqual(
      [],
    );
    expect(after.quiz_attempts).toBe(before.quiz_attempts + acknowledged);
    // The completion and its certificate are written together or not at all.
    if (lastCompletion.status === 200) {
      expect(after).toMatchObject({
        completed: before.completed + 1,
        certifications: before.certifications + 1,
      });
    } else {
      expectUnavailable(lastCompletion);
      expect(after).toMatchObject({
        completed: before.completed,
        certifications: before.certifications,
      });
    }
  } finally {
    await server.injectFault("none");
  }
  expect(server.output()).toContain("Database unavailable (SQLITE_FULL)");
  expect(server.output()).not.toMatch(/Error:|at .*\.js:\d+/);
  expect((await complete({ rep: "rep7", page: pages.at(-1)! })).status).toBe(200);
  expect(rowCounts()).toMatchObject({ certifications: before.certifications + 1 });
});
