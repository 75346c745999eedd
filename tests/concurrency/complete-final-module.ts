// Child process for certification.concurrency.test.ts: its own SQLite connection, released at a
// shared start time so every process submits at once.
import fs from "node:fs";
import type { Product } from "~/content/types";
import { completeModule } from "~/models/certification.server";
import { answerQuiz } from "~/models/quiz-attempt.server";
import { quizKey } from "../setup/product-fixture";

const [userId, productFile, countArg, startAtArg] = process.argv.slice(2);
const product = JSON.parse(fs.readFileSync(productFile, "utf8")) as Product;
const finalModule = product.modules[product.modules.length - 1];

while (Date.now() < Number(startAtArg)) await new Promise((r) => setTimeout(r, 5));

let issued = 0;
let answered = 0;
for (let i = 0; i < Number(countArg); i++) {
  const outcome = answerQuiz({
    userId,
    productSlug: product.slug,
    module: finalModule,
    key: quizKey(finalModule.quizIds[0]),
    policy: product.policy,
    selected: ["1"],
  });
  if (outcome.kind === "graded") answered++;
  const result = completeModule({ userId, product, module: finalModule });
  if (result.ok && result.issued) issued++;
  // yield so the processes interleave rather than each running its batch back to back
  await new Promise((r) => setImmediate(r));
}
process.stdout.write(JSON.stringify({ issued, answered }));
