import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getModule, loadCatalog } from "~/content/content.server";
import type { ModuleSummary, Product, QuizKey } from "~/content/types";
import { completeModule } from "~/models/certification.server";
import { markModuleOpened } from "~/models/progress.server";
import { answerQuiz } from "~/models/quiz-attempt.server";
import { getUserByEmail } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { moduleSources } from "./schema";
import { demoDomain } from "./seed";
import { dayMs } from "~/utils/dates";

const historyDir = path.resolve("db/demo-history");

/** Modules whose customer journey changed: the earlier revision the demo reps were certified on. */
const revisedModules = [
  {
    productSlug: "ledgerflow",
    moduleSlug: "ingestion-rules",
    file: "ledgerflow/ingestion-rules.r1.mdx",
    revisedDaysAgo: 3,
  },
  {
    productSlug: "crewline",
    moduleSlug: "dispatch-board",
    file: "crewline/03-dispatch-board.r1.mdx",
    revisedDaysAgo: 12,
  },
];

type Walk = {
  rep: string;
  productSlug: string;
  startDaysAgo: number;
  /** Walk the module versions from before the revisions above. */
  beforeRevisions?: boolean;
  /** How many modules to complete (default all); the next one is opened and left. */
  modules?: number;
  /** Re-take the revised modules this many days ago. */
  refreshDaysAgo?: number;
};

const walks: Walk[] = [
  {
    rep: "rep1",
    productSlug: "ledgerflow",
    startDaysAgo: 45,
    beforeRevisions: true,
    refreshDaysAgo: 2,
  },
  {
    rep: "rep1",
    productSlug: "crewline",
    startDaysAgo: 52,
    beforeRevisions: true,
    refreshDaysAgo: 10,
  },
  { rep: "rep1", productSlug: "calliper", startDaysAgo: 30 },
  { rep: "rep2", productSlug: "ledgerflow", startDaysAgo: 60, beforeRevisions: true },
  { rep: "rep2", productSlug: "crewline", startDaysAgo: 6, modules: 2 },
  { rep: "rep3", productSlug: "ledgerflow", startDaysAgo: 9, modules: 3 },
  { rep: "rep4", productSlug: "crewline", startDaysAgo: 80, beforeRevisions: true },
  { rep: "rep4", productSlug: "ledgerflow", startDaysAgo: 14, modules: 2 },
  // Team South: rep5–7 stay fresh (the tests walk them); rep8 and rep9 give its charts a story.
  { rep: "rep8", productSlug: "calliper", startDaysAgo: 40 },
  { rep: "rep8", productSlug: "crewline", startDaysAgo: 10, modules: 2 },
  { rep: "rep9", productSlug: "crewline", startDaysAgo: 8 },
  { rep: "rep9", productSlug: "calliper", startDaysAgo: 12, modules: 3 },
];

function sha256(text: string) {
  return crypto.createHash("sha256").update(text).digest("hex");
}

// Deterministic "randomness" so every fresh demo tells the same story.
function pseudoRandom(seed: string) {
  let state = parseInt(sha256(seed).slice(0, 8), 16);
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function historicalVersion(product: Product): Product {
  return {
    ...product,
    modules: product.modules.map((m) => {
      const revised = revisedModules.find(
        (r) => r.productSlug === product.slug && r.moduleSlug === m.slug,
      );
      if (!revised) return m;
      const hash = sha256(fs.readFileSync(path.join(historyDir, revised.file), "utf8"));
      return { ...m, revision: m.revision - 1, sourceHash: hash, shownSourceHash: hash };
    }),
  };
}

async function walkModule({
  userId,
  product,
  module,
  quizKeys,
  at,
  random,
  wrongBudget,
}: {
  userId: string;
  product: Product;
  module: ModuleSummary;
  quizKeys: QuizKey[];
  at: Date;
  random: () => number;
  /** How many first attempts may still go wrong without missing the pass mark. */
  wrongBudget: { left: number };
}) {
  let t = at.getTime();
  markModuleOpened({
    userId,
    productSlug: product.slug,
    moduleSlug: module.slug,
    now: new Date(t),
  });
  for (const key of quizKeys) {
    t += (3 + random() * 12) * 60_000;
    const base = { userId, productSlug: product.slug, module, key, policy: product.policy };
    if (wrongBudget.left > 0 && random() < 0.3) {
      wrongBudget.left--;
      const wrong =
        key.choices.find((c) => !key.correct.includes(c.value))?.value ?? key.choices[0].value;
      answerQuiz({ ...base, selected: [wrong], now: new Date(t) });
      t += (1 + random() * 4) * 60_000;
    }
    answerQuiz({ ...base, selected: key.correct, now: new Date(t) });
  }
  t += (module.duration ?? 20) * 60_000 * (0.6 + random() * 0.8);
  completeModule({ userId, product, module, now: new Date(t) });
}

export async function seedDemoActivity({
  log = console.log,
}: { log?: (line: string) => void } = {}) {
  const now = Date.now();
  const products = new Map((await loadCatalog()).map((p) => [p.slug, p]));
  const db = getDb();

  // Demo history: every current source has been around for a while, except the two revisions.
  db.update(moduleSources)
    .set({ firstSeenAt: new Date(now - 120 * dayMs) })
    .run();
  for (const revised of revisedModules) {
    const product = products.get(revised.productSlug);
    const current = product?.modules.find((m) => m.slug === revised.moduleSlug);
    if (!product || !current) continue;
    const source = fs.readFileSync(path.join(historyDir, revised.file), "utf8");
    db.insert(moduleSources)
      .values({
        hash: sha256(source),
        productSlug: product.slug,
        moduleSlug: current.slug,
        path: current.path,
        revision: current.revision - 1,
        source,
        firstSeenAt: new Date(now - 200 * dayMs),
      })
      .onConflictDoNothing()
      .run();
    db.update(moduleSources)
      .set({ firstSeenAt: new Date(now - revised.revisedDaysAgo * dayMs) })
      .where(eq(moduleSources.hash, current.sourceHash))
      .run();
  }

  for (const walk of walks) {
    const user = getUserByEmail({ email: `${walk.rep}@${demoDomain}` });
    const current = products.get(walk.productSlug);
    if (!user || !current) continue;
    const product = walk.beforeRevisions ? historicalVersion(current) : current;
    const random = pseudoRandom(`${walk.rep}/${walk.productSlug}`);
    const count = walk.modules ?? product.modules.length;
    let day = walk.startDaysAgo;
    const step = walk.startDaysAgo / (product.modules.length * 2);
    const quizCount = product.modules.reduce((n, m) => n + m.quizIds.length, 0);
    const wrongBudget = { left: Math.floor(quizCount * (1 - product.policy.passMark)) };
    for (const [index, module] of product.modules.entries()) {
      const at = new Date(now - day * dayMs + (9 + random() * 7) * 3_600_000);
      if (index >= count) {
        markModuleOpened({
          userId: user.id,
          productSlug: product.slug,
          moduleSlug: module.slug,
          now: at,
        });
        break;
      }
      const loaded = await getModule({ productSlug: product.slug, moduleSlug: module.slug });
      await walkModule({
        userId: user.id,
        product,
        module,
        quizKeys: loaded?.quizKeys ?? [],
        at,
        random,
        wrongBudget,
      });
      day -= step * (0.7 + 0.6 * random());
    }
    if (walk.refreshDaysAgo !== undefined) {
      const changed = current.modules.filter((m) =>
        revisedModules.some((r) => r.productSlug === current.slug && r.moduleSlug === m.slug),
      );
      for (const module of changed) {
        const loaded = await getModule({ productSlug: current.slug, moduleSlug: module.slug });
        const at = new Date(now - walk.refreshDaysAgo * dayMs + 10 * 3_600_000);
        await walkModule({
          userId: user.id,
          product: current,
          module,
          quizKeys: loaded?.quizKeys ?? [],
          at,
          random,
          wrongBudget: { left: 1 },
        });
      }
    }
  }
  const reps = walks.map((w) => w.rep).filter((r, i, all) => all.indexOf(r) === i);
  log(`Seeded learning activity for ${reps.join(", ")} (the other reps have not started).`);
}
