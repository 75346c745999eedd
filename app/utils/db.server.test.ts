import Database from "better-sqlite3";
import { count, eq } from "drizzle-orm";
import { moduleProgress, quizAttempts, signInFailures, users } from "#db/schema";
import { answerQuiz } from "~/models/quiz-attempt.server";
import { markModuleOpened } from "~/models/progress.server";
import { makeUser } from "../../tests/setup/factories";
import { productFixture, quizKey } from "../../tests/setup/product-fixture";
import { databaseUnavailableMessage, getDb, immediateTransaction } from "./db.server";

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to throw");
}

async function expectUnavailable(thrown: unknown) {
  expect(thrown).toBeInstanceOf(Response);
  const response = thrown as Response;
  expect(response.status).toBe(503);
  expect(response.headers.get("Retry-After")).toBe("60");
  expect(await response.text()).toBe(databaseUnavailableMessage);
}

function silenceErrorLog() {
  return vi.spyOn(console, "error").mockImplementation(() => {});
}

const attemptCount = () => getDb().select({ n: count() }).from(quizAttempts).get()!.n;

async function answerFirstQuiz() {
  const user = await makeUser();
  const product = productFixture();
  return () =>
    answerQuiz({
      userId: user.id,
      productSlug: product.slug,
      module: product.modules[0],
      key: quizKey("q1"),
      policy: product.policy,
      selected: ["1"],
    });
}

afterEach(() => {
  getDb().$client.pragma("max_page_count = 1073741823");
  getDb().$client.pragma("query_only = 0");
  getDb().$client.pragma("busy_timeout = 5000");
});

test("a full database answers 503 with the plain message and keeps nothing of the transaction", async () => {
  const log = silenceErrorLog();
  const user = await makeUser();
  const db = getDb();
  db.$client.pragma(`max_page_count = ${db.$client.pragma("page_count", { simple: true })}`);
  const failuresBefore = db.select({ n: count() }).from(signInFailures).get()!.n;
  const thrown = thrownBy(() =>
    immediateTransaction((tx) => {
      tx.update(users).set({ name: "Renamed" }).where(eq(users.id, user.id)).run();
      tx.insert(signInFailures)
        .values({ key: "x".repeat(2_000_000), at: new Date() })
        .run();
    }),
  );
  await expectUnavailable(thrown);
  expect(db.select().from(users).where(eq(users.id, user.id)).get()?.name).toBe(user.name);
  expect(db.select({ n: count() }).from(signInFailures).get()!.n).toBe(failuresBefore);
  expect(log).toHaveBeenCalledWith(expect.stringContaining("SQLITE_FULL"));
});

test("a read-only database answers 503 for a single write outside any transaction", async () => {
  const log = silenceErrorLog();
  const user = await makeUser();
  getDb().$client.pragma("query_only = 1");
  const thrown = thrownBy(() =>
    markModuleOpened({ userId: user.id, productSlug: "ledgerflow", moduleSlug: "intro" }),
  );
  await expectUnavailable(thrown);
  getDb().$client.pragma("query_only = 0");
  const rows = getDb().select().from(moduleProgress).where(eq(moduleProgress.userId, user.id));
  expect(rows.all()).toEqual([]);
  expect(log).toHaveBeenCalledWith(expect.stringContaining("SQLITE_READONLY"));
});

test("a lock held by another connection past the busy timeout answers 503 and records nothing", async () => {
  const log = silenceErrorLog();
  const answer = await answerFirstQuiz();
  const before = attemptCount();
  const other = new Database(getDb().$client.name);
  other.exec("BEGIN IMMEDIATE");
  try {
    getDb().$client.pragma("busy_timeout = 50");
    await expectUnavailable(thrownBy(answer));
  } finally {
    other.exec("ROLLBACK");
    other.close();
  }
  expect(attemptCount()).toBe(before);
  expect(log).toHaveBeenCalledWith(expect.stringContaining("SQLITE_BUSY"));
  expect(answer()).toMatchObject({ kind: "graded", correct: true });
  expect(attemptCount()).toBe(before + 1);
});

test("other SQLite errors are not disguised as a busy database", async () => {
  const user = await makeUser();
  const thrown = thrownBy(() =>
    getDb()
      .insert(users)
      .values({ ...user })
      .run(),
  );
  expect(thrown).toBeInstanceOf(Database.SqliteError);
  expect(thrown).toMatchObject({ code: expect.stringMatching(/^SQLITE_CONSTRAINT/) });
});
