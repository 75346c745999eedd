// npm run bench:data -- --reps 10000 --products 20 --modules-per-product 10 --out DIR [--seed N]
// A large organisation for the benchmark: DIR/firsthand.db (migrated, compiled content, people,
// progress, attempts, certifications) and DIR/content/products/<slug>/ (product.yml + MDX modules).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { z } from "zod";
import { createPrng, prngUuid } from "./bench-prng";
import { benchPolicy, generateProduct, type GeneratedProduct } from "./bench-content";
import { planPair, scenarioFor, type PlanProduct, type Scenario } from "./bench-plan";

export const benchDomain = "bench.firsthand.test";
export const benchPassword = "firsthand-demo";
export const teamSize = 10;
const day = 86_400_000;

const argsSchema = z.object({
  reps: z.coerce.number().int().min(1, "--reps must be at least 1").max(1_000_000),
  products: z.coerce.number().int().min(1, "--products must be at least 1").max(500),
  modulesPerProduct: z.coerce
    .number()
    .int()
    .min(2, "--modules-per-product must be at least 2")
    .max(100),
  out: z.string().min(1, "give --out DIR"),
  seed: z.coerce.number().int().default(1),
  /** The generated history ends here; default: the start of today (UTC), so a day's runs match. */
  now: z
    .string()
    .datetime({ message: "--now must be an ISO date-time such as 2026-12-01T00:00:00Z" })
    .optional(),
});
export type BenchDataOptions = z.infer<typeof argsSchema>;

const firstNames = [
  "Ava",
  "Ben",
  "Chloé",
  "Dev",
  "Elena",
  "Femi",
  "Grace",
  "Hiro",
  "Isla",
  "Jonas",
  "Kemi",
  "Luca",
  "Mina",
  "Noah",
  "Olga",
  "Priya",
  "Quinn",
  "Rosa",
  "Sami",
  "Tariq",
  "Uma",
  "Viktor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoe",
];
const lastNames = [
  "Martins",
  "Carter",
  "Dubois",
  "Patel",
  "Rossi",
  "Adeyemi",
  "Liu",
  "Tanaka",
  "Novak",
  "Berg",
  "Okafor",
  "Jensen",
  "Silva",
  "Khan",
  "Müller",
  "García",
  "Kowalski",
  "Nguyen",
  "Haddad",
  "Olsen",
];

export type BenchDataSummary = {
  dir: string;
  databasePath: string;
  contentDir: string;
  reps: number;
  teams: number;
  products: string[];
  rows: {
    users: number;
    progress: number;
    attempts: number;
    certifications: number;
    repStatuses: number;
  };
  scenarios: Record<Scenario, number>;
  ms: number;
};

function sha256(text: string) {
  return crypto.createHash("sha256").update(text).digest("hex");
}

export function parseBenchDataArgs(argv: string[]): BenchDataOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      reps: { type: "string", default: "10000" },
      products: { type: "string", default: "20" },
      "modules-per-product": { type: "string", default: "10" },
      out: { type: "string" },
      seed: { type: "string" },
      now: { type: "string" },
    },
  });
  const parsed = argsSchema.safeParse({
    reps: values.reps,
    products: values.products,
    modulesPerProduct: values["modules-per-product"],
    out: values.out ?? "",
    seed: values.seed,
    now: values.now,
  });
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  return parsed.data;
}

function writeContent(contentDir: string, products: GeneratedProduct[]) {
  fs.rmSync(contentDir, { recursive: true, force: true });
  for (const product of products) {
    const dir = path.join(contentDir, "products", product.slug);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "product.yml"), product.productYml);
    for (const module of product.modules)
      fs.writeFileSync(path.join(dir, module.file), module.source);
  }
}

/**
 * Generates the organisation. Runs the app's own migrations and content compiler (so hashes,
 * revisions and quiz ids are what the server will serve), then writes every row in batches.
 */
export async function generateBenchData(
  options: BenchDataOptions,
  log: (line: string) => void = (line) => console.error(line),
): Promise<BenchDataSummary> {
  const started = Date.now();
  const now = options.now ? Date.parse(options.now) : Math.floor(Date.now() / day) * day;
  const dir = path.resolve(options.out);
  const databasePath = path.join(dir, "firsthand.db");
  const contentDir = path.join(dir, "content");
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath + suffix, { force: true });

  const seed = createPrng(options.seed);
  const generated = Array.from({ length: options.products }, (_, index) =>
    generateProduct({
      index,
      moduleCount: options.modulesPerProduct,
      prng: seed.fork(`product/${index}`),
    }),
  );
  writeContent(contentDir, generated);
  log(
    `[1/5] wrote ${generated.length} products, ${generated.length * options.modulesPerProduct} modules to ${contentDir}`,
  );

  // The app reads these when its modules load; set before importing them.
  process.env.DATABASE_PATH = databasePath;
  process.env.CONTENT_DIR = contentDir;
  process.env.SEED_DEMO = "false";
  const { openDatabase } = await import("~/utils/db.server");
  const { loadCatalog, getModule } = await import("~/content/content.server");
  const { hashPassword } = await import("~/utils/password.server");
  const appDb = openDatabase(databasePath);
  const catalog = await loadCatalog({
    contentDir,
    db: appDb,
    onProgress: ({ index, total }) => {
      if (index === total || index % Math.max(Math.ceil(total / 5), 1) === 0)
        log(`[2/5] compiling content ${index}/${total}`);
    },
  });

  const recentSeenAt = now - 5 * day;
  const oldSeenAt = now - 30 * day;
  const longAgo = now - 600 * day;
  const products: PlanProduct[] = [];
  for (const gen of generated) {
    const built = catalog.find((p) => p.slug === gen.slug);
    if (!built) throw new Error(`Product ${gen.slug} did not load.`);
    const modules = [];
    for (const [index, summary] of built.modules.entries()) {
      if (summary.status !== "ready")
        throw new Error(`${gen.slug}/${summary.slug} did not compile: ${summary.error}`);
      const page = await getModule({
        productSlug: gen.slug,
        moduleSlug: summary.slug,
        contentDir,
        db: appDb,
      });
      const source = gen.modules[index];
      const revised = index === gen.revised.recent || index === gen.revised.old;
      modules.push({
        slug: summary.slug,
        title: summary.title,
        revision: summary.revision,
        sourceHash: summary.sourceHash,
        previousHash: source.previousSource ? sha256(source.previousSource) : null,
        revisionSeenAt:
          index === gen.revised.recent
            ? recentSeenAt
            : index === gen.revised.old
              ? oldSeenAt
              : longAgo,
        duration: summary.duration ?? 20,
        quizzes: (page?.quizKeys ?? []).map((key) => ({
          id: key.id,
          correct: key.correct,
          wrong:
            key.choices.find((c) => !key.correct.includes(c.value))?.value ?? key.choices[0].value,
        })),
        revised,
        path: summary.path,
        previousSource: source.previousSource,
      });
    }
    products.push({
      slug: gen.slug,
      modules,
      policy: benchPolicy,
      revised: gen.revised.recent >= 0 ? gen.revised : null,
    });
  }
  appDb.$client.close();

  const sqlite = new Database(databasePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("foreign_keys = OFF");

  // Kept sources: every current one served long ago, except the two revisions of each product.
  const setSeen = sqlite.prepare("UPDATE module_sources SET first_seen_at = ? WHERE hash = ?");
  const addSource = sqlite.prepare(
    "INSERT OR IGNORE INTO module_sources (hash, product_slug, module_slug, path, revision, source, first_seen_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
  );
  sqlite.transaction(() => {
    for (const product of products)
      for (const m of product.modules as (PlanProduct["modules"][number] & {
        path: string;
        previousSource: string | null;
      })[]) {
        setSeen.run(m.revisionSeenAt, m.sourceHash);
        if (m.previousHash && m.previousSource)
          addSource.run(m.previousHash, product.slug, m.slug, m.path, m.previousSource, longAgo);
      }
  })();

  const passwordHash = await hashPassword(benchPassword);
  const people = seed.fork("people");
  const insertUser = sqlite.prepare(
    "INSERT INTO users (id, email, name, role, team_id, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
  );
  const insertTeam = sqlite.prepare(
    "INSERT INTO teams (id, name, manager_id, created_at) VALUES (?, ?, ?, ?)",
  );
  const insertProgress = sqlite.prepare(
    "INSERT INTO module_progress (user_id, product_slug, module_slug, first_opened_at, completed_at, completed_revision, completed_source_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertAttempt = sqlite.prepare(
    "INSERT INTO quiz_attempts (user_id, product_slug, module_slug, module_revision, quiz_id, selected, correct, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertCertification = sqlite.prepare(
    "INSERT INTO certifications (id, user_id, product_slug, state, issued_at, expires_at, score, modules, refreshed_at) VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?)",
  );
  const insertStatus = sqlite.prepare(
    "INSERT INTO rep_statuses (user_id, product_slug, status, eligible, certification_id, refresh_deadline, refresh_modules, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const joined = now - 700 * day;
  // The app writes whole milliseconds (Date); a fraction would never equal what it records.
  const ms = <T extends number | null>(t: T) => (t === null ? t : Math.round(t)) as T;
  const name = (i: number) =>
    `${people.pick(firstNames)} ${people.pick(lastNames)}${i >= 500 ? ` ${i}` : ""}`;
  const teamCount = Math.ceil(options.reps / teamSize);
  const rows = { users: 0, progress: 0, attempts: 0, certifications: 0, repStatuses: 0 };
  const scenarios = Object.fromEntries(
    [
      "not_started",
      "opened",
      "in_progress",
      "below_pass_mark",
      "certified_recent",
      "certified_refreshed",
      "refresh_due",
      "lapsed",
      "expired",
    ].map((s) => [s, 0]),
  ) as Record<Scenario, number>;

  const teamIds: string[] = [];
  sqlite.transaction(() => {
    const user = (email: string, fullName: string, role: string, teamId: string | null) => {
      const id = prngUuid(people);
      insertUser.run(id, email, fullName, role, teamId, passwordHash, joined);
      rows.users++;
      return id;
    };
    user(`admin@${benchDomain}`, "Alex Admin", "admin", null);
    user(`author@${benchDomain}`, "Ana Author", "author", null);
    user(`csm@${benchDomain}`, "Chris Success", "csm", null);
    for (let t = 0; t < teamCount; t++) {
      const teamId = prngUuid(people);
      const managerId = user(`manager${t + 1}@${benchDomain}`, name(t), "manager", teamId);
      insertTeam.run(teamId, `Team ${t + 1}`, managerId, joined);
      teamIds.push(teamId);
    }
  })();
  log(`[3/5] ${rows.users} people in ${teamCount} teams (password "${benchPassword}")`);

  const activity = seed.fork("activity");
  const batch = 250;
  for (let from = 0; from < options.reps; from += batch) {
    sqlite.transaction(() => {
      for (let r = from; r < Math.min(from + batch, options.reps); r++) {
        const userId = prngUuid(people);
        insertUser.run(
          userId,
          `rep${r + 1}@${benchDomain}`,
          name(r),
          "rep",
          teamIds[Math.floor(r / teamSize)],
          passwordHash,
          joined,
        );
        rows.users++;
        for (const [p, product] of products.entries()) {
          const index = r * products.length + p;
          const prng = activity.fork(`pair/${index}`);
          const plan = planPair({
            product,
            scenario: scenarioFor({ index, prng: activity }),
            pairKey: `${userId}/${product.slug}`,
            prng,
            now,
          });
          scenarios[plan.scenario]++;
          for (const row of plan.progress) {
            insertProgress.run(
              userId,
              product.slug,
              row.moduleSlug,
              ms(row.firstOpenedAt),
              ms(row.completedAt),
              row.completedRevision,
              row.completedSourceHash,
            );
          }
          for (const a of plan.attempts) {
            insertAttempt.run(
              userId,
              product.slug,
              a.moduleSlug,
              a.moduleRevision,
              a.quizId,
              a.selected,
              a.correct ? 1 : 0,
              ms(a.attemptedAt),
            );
          }
          rows.progress += plan.progress.length;
          rows.attempts += plan.attempts.length;
          const c = plan.certification;
          if (c) {
            insertCertification.run(
              c.id,
              userId,
              product.slug,
              ms(c.issuedAt),
              ms(c.expiresAt),
              c.score,
              c.modules,
              ms(c.refreshedAt),
            );
            rows.certifications++;
          }
          const s = plan.repStatus;
          if (s) {
            insertStatus.run(
              userId,
              product.slug,
              s.status,
              s.eligible ? 1 : 0,
              s.certificationId,
              ms(s.refreshDeadline),
              s.refreshModules,
              ms(s.changedAt),
            );
            rows.repStatuses++;
          }
        }
      }
    })();
    const done = Math.min(from + batch, options.reps);
    if (
      done === options.reps ||
      Math.floor(done / batch) % Math.max(Math.floor(options.reps / batch / 10), 1) === 0
    )
      log(
        `[4/5] reps ${done}/${options.reps}: ${rows.progress + rows.attempts} progress and attempt rows (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  sqlite.pragma("foreign_keys = ON");
  const broken = sqlite.pragma("foreign_key_check") as unknown[];
  if (broken.length) throw new Error(`Generated rows break ${broken.length} foreign keys.`);
  sqlite.close();

  // The readiness table's derived columns come from the app's own standing rules, as on a live
  // server; done here so the first start of the server has nothing to backfill.
  const { backfillRepStatuses } = await import("~/models/rep-status.server");
  const readinessDb = openDatabase(databasePath);
  const globalForDb = globalThis as unknown as { firsthandDb?: unknown };
  const previousDb = globalForDb.firsthandDb;
  globalForDb.firsthandDb = readinessDb;
  const backfillStarted = Date.now();
  try {
    await backfillRepStatuses({
      products: catalog,
      now: new Date(now),
      onProgress: (done, total) => {
        if (done === total || done % 10_000 === 0)
          log(
            `[5/5] readiness ${done}/${total} (${((Date.now() - backfillStarted) / 1000).toFixed(0)} s)`,
          );
      },
    });
    // Every standing is now what the app would derive, so the server's first sweep has no
    // product to re-check, as on a server that has been running.
    const { recordSwept } = await import("~/integrations/sweep.server");
    recordSwept({ products: catalog, now: new Date(now) });
  } finally {
    globalForDb.firsthandDb = previousDb;
  }
  const client = readinessDb.$client;
  rows.repStatuses = (
    client.prepare("SELECT count(*) AS n FROM rep_statuses").get() as { n: number }
  ).n;
  client.exec("ANALYZE");
  client.pragma("wal_checkpoint(TRUNCATE)");
  client.close();
  return {
    dir,
    databasePath,
    contentDir,
    reps: options.reps,
    teams: teamCount,
    products: products.map((p) => p.slug),
    rows,
    scenarios,
    ms: Date.now() - started,
  };
}

/** A digest of the generated rows (not of compile caches, which carry the time they were made). */
export function digestBenchDatabase(databasePath: string): string {
  const sqlite = new Database(databasePath, { readonly: true });
  const hash = crypto.createHash("sha256");
  const queries = [
    "SELECT id, email, name, role, team_id, created_at FROM users ORDER BY id",
    "SELECT id, name, manager_id FROM teams ORDER BY id",
    "SELECT * FROM module_progress ORDER BY user_id, product_slug, module_slug",
    "SELECT user_id, product_slug, module_slug, module_revision, quiz_id, selected, correct, attempted_at FROM quiz_attempts ORDER BY user_id, product_slug, quiz_id, attempted_at",
    "SELECT * FROM certifications ORDER BY id",
    "SELECT * FROM rep_statuses ORDER BY user_id, product_slug",
    "SELECT hash, product_slug, module_slug, revision, first_seen_at FROM module_sources ORDER BY hash",
  ];
  for (const query of queries)
    for (const row of sqlite.prepare(query).iterate()) hash.update(JSON.stringify(row));
  sqlite.close();
  return hash.digest("hex");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let options: BenchDataOptions;
  try {
    options = parseBenchDataArgs(process.argv.slice(2));
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : String(error)}\nUsage: npm run bench:data -- --reps 10000 --products 20 --modules-per-product 10 --out DIR [--seed N] [--now ISO]`,
    );
    process.exit(1);
  }
  const summary = await generateBenchData(options);
  console.log(
    `Generated ${summary.reps} reps in ${summary.teams} teams, ${summary.products.length} products: ` +
      `${summary.rows.progress} progress rows, ${summary.rows.attempts} attempts, ${summary.rows.certifications} certifications ` +
      `in ${(summary.ms / 1000).toFixed(1)} s.\nServe it: DATABASE_PATH=${summary.databasePath} CONTENT_DIR=${summary.contentDir} SEED_DEMO=false npm run serve\n` +
      `Sign in as manager1@${benchDomain} or admin@${benchDomain} with "${benchPassword}".`,
  );
}
