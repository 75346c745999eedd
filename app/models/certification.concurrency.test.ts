import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, count, eq } from "drizzle-orm";
import { certifications, quizAttempts } from "#db/schema";
import { getDb } from "~/utils/db.server";
import { makeUser } from "../../tests/setup/factories";
import { productFixture, quizKey } from "../../tests/setup/product-fixture";
import { completeModule } from "./certification.server";
import { answerQuiz } from "./quiz-attempt.server";

const run = promisify(execFile);
const processes = 5;
const perProcess = 10;

test("50 concurrent completions of the final module give one certification and keep every attempt", async () => {
  const user = await makeUser();
  const product = productFixture({
    policy: { passMark: 0.5, validDays: 365, refreshGraceDays: 14, maxAttemptsPerDay: 100 },
  });
  for (const module of product.modules.slice(0, -1)) {
    for (const id of module.quizIds) {
      answerQuiz({
        userId: user.id,
        productSlug: product.slug,
        module,
        key: quizKey(id),
        policy: product.policy,
        selected: ["1"],
      });
    }
    expect(completeModule({ userId: user.id, product, module })).toMatchObject({
      ok: true,
      issued: null,
    });
  }
  const productFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fh-conc-")), "product.json");
  fs.writeFileSync(productFile, JSON.stringify(product));
  const startAt = Date.now() + 4000;
  const outputs = await Promise.all(
    Array.from({ length: processes }, () =>
      run(
        "node_modules/.bin/tsx",
        [
          "tests/concurrency/complete-final-module.ts",
          user.id,
          productFile,
          String(perProcess),
          String(startAt),
        ],
        {
          env: process.env,
        },
      ),
    ),
  );
  const results = outputs.map((o) => JSON.parse(o.stdout) as { issued: number; answered: number });
  expect(results.reduce((n, r) => n + r.issued, 0)).toBe(1);
  expect(results.reduce((n, r) => n + r.answered, 0)).toBe(processes * perProcess);

  const db = getDb();
  const certs = db
    .select({ n: count() })
    .from(certifications)
    .where(and(eq(certifications.userId, user.id), eq(certifications.productSlug, product.slug)))
    .get();
  expect(certs?.n).toBe(1);
  const finalQuiz = product.modules.at(-1)!.quizIds[0];
  const attempts = db
    .select({ n: count() })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, user.id), eq(quizAttempts.quizId, finalQuiz)))
    .get();
  expect(attempts?.n).toBe(processes * perProcess);
}, 60_000);
