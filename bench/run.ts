// npm run bench [-- --data DIR] [--reps 2000] [--products 20] [--modules-per-product 10] [--seconds 10]
// Serves a generated organisation with the production build on loopback and measures it with
// autocannon; every figure is also given as a ratio to the sign-in page measured in the same run.
import prettier from "prettier";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { z } from "zod";
import { benchDomain, generateBenchData, parseBenchDataArgs } from "../scripts/bench-data";
import { measure, type Figure, type Target } from "./measure";
import { mixedRequests, type RepWalk } from "./mixed";
import { spawnServer } from "../tests/spawn-server";
import { serverRssMb } from "./server-rss";
import { signIn as signInAt } from "./sign-in";

const argsSchema = z.object({
  data: z.string().optional(),
  reps: z.coerce.number().int().min(30).default(2000),
  products: z.coerce.number().int().min(1).default(20),
  modulesPerProduct: z.coerce.number().int().min(2).default(10),
  seconds: z.coerce.number().int().min(1).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(100).default(10),
  mixedReps: z.coerce.number().int().min(1).default(500),
  mixedSeconds: z.coerce.number().int().min(1).max(600).default(30),
  json: z.string().default("bench/results.json"),
  label: z.string().default(""),
});

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    reps: { type: "string" },
    products: { type: "string" },
    "modules-per-product": { type: "string" },
    seconds: { type: "string" },
    connections: { type: "string" },
    "mixed-reps": { type: "string" },
    "mixed-seconds": { type: "string" },
    json: { type: "string" },
    label: { type: "string" },
  },
});
const parsedArgs = argsSchema.safeParse({
  ...values,
  modulesPerProduct: values["modules-per-product"],
  mixedReps: values["mixed-reps"],
  mixedSeconds: values["mixed-seconds"],
});
if (!parsedArgs.success) {
  console.error(
    parsedArgs.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"),
  );
  process.exit(1);
}
const args = parsedArgs.data;
const progress = (line: string) => console.error(`[bench] ${line}`);

if (!fs.existsSync("build/server/index.js")) {
  console.error(
    "No production build in build/: run `npm run build` first, then `npm run bench` again.",
  );
  process.exit(1);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "fh-bench-"));
let dataDir: string;
if (args.data) {
  dataDir = path.resolve(args.data);
  if (
    !fs.existsSync(path.join(dataDir, "firsthand.db")) ||
    !fs.existsSync(path.join(dataDir, "content"))
  ) {
    console.error(
      `${dataDir} has no firsthand.db and content/: make one with npm run bench:data -- --out ${args.data}`,
    );
    process.exit(1);
  }
} else {
  dataDir = path.join(scratch, "org");
  progress(`generating ${args.reps} reps × ${args.products} products into ${dataDir}`);
  await generateBenchData(
    parseBenchDataArgs([
      "--reps",
      String(args.reps),
      "--products",
      String(args.products),
      "--modules-per-product",
      String(args.modulesPerProduct),
      "--out",
      dataDir,
    ]),
    (line) => progress(line),
  );
}
const databasePath = path.join(dataDir, "firsthand.db");
const contentDir = path.join(dataDir, "content");
process.env.DATABASE_PATH = databasePath;
process.env.CONTENT_DIR = contentDir;
process.env.SEED_DEMO = "false";

const { openDatabase } = await import("~/utils/db.server");
const { loadCatalog, getCompileStats, markContentChanged, getModule } =
  await import("~/content/content.server");
const { getStanding } = await import("~/models/certification.server");
const { createApiToken } = await import("~/models/api-token.server");

const org = (() => {
  const sqlite = new Database(databasePath, { readonly: true });
  const n = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  const figures = {
    reps: n("SELECT count(*) AS n FROM users WHERE role = 'rep'"),
    teams: n("SELECT count(*) AS n FROM teams"),
    attempts: n("SELECT count(*) AS n FROM quiz_attempts"),
    progress: n("SELECT count(*) AS n FROM module_progress"),
    activeCertifications: n("SELECT count(*) AS n FROM certifications WHERE state = 'active'"),
  };
  sqlite.close();
  return figures;
})();
progress(`organisation: ${JSON.stringify(org)}`);

// Content build: a copy of the generated products into a fresh database, as a first start would.
progress("content: cold compile, warm re-scan, restart, one file changed…");
const contentCopy = path.join(scratch, "content");
fs.cpSync(contentDir, contentCopy, { recursive: true });
const contentDbPath = path.join(scratch, "content.db");
const timed = async (fn: () => Promise<unknown>) => {
  const before = getCompileStats().compiled;
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, compiled: getCompileStats().compiled - before, value };
};
const coldDb = openDatabase(contentDbPath);
const cold = await timed(() => loadCatalog({ contentDir: contentCopy, db: coldDb }));
const moduleCount = (cold.value as { modules: unknown[] }[]).reduce(
  (n, p) => n + p.modules.length,
  0,
);
markContentChanged();
const warm = await timed(() => loadCatalog({ contentDir: contentCopy, db: coldDb }));
const restartDb = openDatabase(contentDbPath);
const restart = await timed(() => loadCatalog({ contentDir: contentCopy, db: restartDb }));
const productDirs = fs.readdirSync(path.join(contentCopy, "products")).sort();
const changedDir = path.join(contentCopy, "products", productDirs[0]);
const changedFile = path.join(
  changedDir,
  fs
    .readdirSync(changedDir)
    .filter((f) => f.endsWith(".mdx"))
    .sort()[0],
);
fs.appendFileSync(changedFile, "\nOne more sentence the author added.\n");
markContentChanged();
const oneChanged = await timed(() => loadCatalog({ contentDir: contentCopy, db: restartDb }));
coldDb.$client.close();
restartDb.$client.close();
const content = {
  modules: moduleCount,
  coldMs: cold.ms,
  coldCompiled: cold.compiled,
  warmMs: warm.ms,
  warmCompiled: warm.compiled,
  restartMs: restart.ms,
  restartCompiled: restart.compiled,
  oneChangedMs: oneChanged.ms,
  oneChangedCompiled: oneChanged.compiled,
};
progress(`content: ${JSON.stringify(content)}`);

// In-process: a rep's standing on every product, straight from the models.
const products = await loadCatalog();
const sqlite = new Database(databasePath, { readonly: true });
const repRows = sqlite
  .prepare("SELECT id, email FROM users WHERE role = 'rep' ORDER BY created_at, email LIMIT 1000")
  .all() as { id: string; email: string }[];
const rep1 = sqlite.prepare("SELECT id FROM users WHERE email = ?").get(`rep1@${benchDomain}`) as {
  id: string;
};
const standingRounds = 20;
const standingStarted = performance.now();
for (let i = 0; i < standingRounds; i++)
  for (const product of products) getStanding({ userId: rep1.id, product });
const standingMs = (performance.now() - standingStarted) / (standingRounds * products.length);

const { token } = createApiToken({
  name: `bench ${new Date().toISOString()}`,
  scopes: ["eligibility:read"],
});

// Reps who have not started some product walk it in the mixed scenario.
const untouched = sqlite.prepare(
  "SELECT 1 FROM module_progress WHERE user_id = ? AND product_slug = ? LIMIT 1",
);
const modulesOf = new Map<string, RepWalk["modules"]>();
for (const product of products) {
  const modules: RepWalk["modules"] = [];
  for (const m of product.modules) {
    const page = await getModule({ productSlug: product.slug, moduleSlug: m.slug });
    modules.push({
      slug: m.slug,
      quizzes: (page?.quizKeys ?? []).map((k) => ({ id: k.id, correct: k.correct })),
    });
  }
  modulesOf.set(product.slug, modules);
}
const walkers: { email: string; productSlug: string; teamManager: string }[] = [];
const managerOf = sqlite.prepare(
  "SELECT m.email FROM users r JOIN teams t ON t.id = r.team_id JOIN users m ON m.id = t.manager_id WHERE r.id = ?",
);
for (const [i, rep] of repRows.entries()) {
  if (walkers.length >= args.mixedReps) break;
  const product = [...products.keys()]
    .map((k) => products[(i + k) % products.length])
    .find((p) => !untouched.get(rep.id, p.slug));
  if (!product) continue;
  const manager = managerOf.get(rep.id) as { email: string } | undefined;
  walkers.push({
    email: rep.email,
    productSlug: product.slug,
    teamManager: manager?.email ?? `manager1@${benchDomain}`,
  });
}
sqlite.close();

progress("starting the production server…");
const server = await spawnServer({
  startTimeoutMs: 180_000,
  env: {
    DATABASE_PATH: databasePath,
    CONTENT_DIR: contentDir,
    SEED_DEMO: "false",
    // The start-up sweep runs once (and is timed below); a second one must not land inside a measurement.
    SWEEP_INTERVAL_MS: "3600000",
    OUTBOX_POLL_MS: "1000",
  },
});
const { baseUrl } = server;
const startedAt = performance.now();
await fetch(`${baseUrl}/login`).then((r) => r.text());
const firstResponseMs = performance.now() - startedAt;
// Measurements start once the start-up sweep is done, so it does not share their CPU.
let sweepLine = "";
while (!(sweepLine = /Start-up sweep: .*/.exec(server.output())?.[0] ?? "")) {
  if (performance.now() - startedAt > 600_000)
    throw new Error("The start-up sweep did not finish in 10 minutes.");
  await new Promise((r) => setTimeout(r, 200));
}
const sweepMs = Number(/in (\d+) ms/.exec(sweepLine)?.[1] ?? NaN);
progress(`first response ${firstResponseMs.toFixed(0)} ms after start; ${sweepLine}`);

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

const signIn = (email: string) => signInAt(baseUrl, email);
const managerCookie = await signIn(`manager1@${benchDomain}`);
const adminCookie = await signIn(`admin@${benchDomain}`);
const repCookie = await signIn(`rep1@${benchDomain}`);
progress(`signing in ${walkers.length} reps and their managers for the mixed scenario…`);
const walkerCookies = await inBatches(walkers, 4, (w) => signIn(w.email));
const managerEmails = [...new Set(walkers.map((w) => w.teamManager))];
const managerCookies = await inBatches(managerEmails, 4, signIn);

const asset = fs
  .readdirSync("build/client/assets")
  .filter((f) => f.endsWith(".js"))
  .map((f) => ({ f, size: fs.statSync(path.join("build/client/assets", f)).size }))
  .sort((a, b) => b.size - a.size)[0].f;
const product = products[0];
const moduleSlug = product.modules[Math.min(2, product.modules.length - 1)].slug;
const bearer = { authorization: `Bearer ${token}` };
const checks = Array.from({ length: 100 }, (_, i) => ({
  rep: repRows[i % repRows.length].email,
  product: products[i % products.length].slug,
}));
const batchBody = JSON.stringify({ checks });
let single = 0;
const targets: Target[] = [
  { name: "sign-in page", path: "/login" },
  { name: "static JS asset", path: `/assets/${asset}` },
  {
    name: "module page",
    path: `/products/${product.slug}/${moduleSlug}`,
    headers: { cookie: repCookie },
  },
  { name: "track page", path: `/products/${product.slug}`, headers: { cookie: repCookie } },
  { name: "rep home", path: "/", headers: { cookie: repCookie } },
  { name: "team page (manager1, 10 reps)", path: "/team", headers: { cookie: managerCookie } },
  {
    name: "eligibility API, single",
    path: "/api/v1/eligibility",
    requests: [
      {
        setupRequest: (request) => {
          const check = checks[single++ % checks.length];
          return {
            ...request,
            path: `/api/v1/eligibility?rep=${encodeURIComponent(check.rep)}&product=${check.product}`,
            headers: bearer,
          };
        },
      },
    ],
  },
  {
    name: "eligibility API, batch of 100",
    path: "/api/v1/eligibility/batch",
    method: "POST",
    headers: { ...bearer, "content-type": "application/json" },
    body: batchBody,
  },
  {
    name: "eligibility API, batch of 100, one connection (≈ server time)",
    path: "/api/v1/eligibility/batch",
    method: "POST",
    headers: { ...bearer, "content-type": "application/json" },
    body: batchBody,
    connections: 1,
  },
];

progress("warming up…");
for (const target of targets.filter((t) => !t.requests))
  for (let i = 0; i < 20; i++)
    await fetch(baseUrl + target.path, {
      method: target.method,
      headers: target.headers,
      body: target.body,
    }).then((r) => r.arrayBuffer());
const rssAfterWarmup = serverRssMb(server.pid);

const figures: Figure[] = [];
const defaults = { seconds: args.seconds, connections: args.connections };
for (const target of targets) {
  progress(
    `measuring ${target.name} (${target.connections ?? args.connections} connections, ${target.seconds ?? args.seconds} s)…`,
  );
  const figure = await measure(baseUrl, target, defaults);
  figures.push(figure);
  progress(
    `  ${figure.rps.toFixed(0)} req/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms, ${figure.errors} errors`,
  );
}

progress("admin's team page over every rep: the first request, then ten more…");
async function adminTeamPage(search = "") {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/team${search}`, {
      headers: { cookie: adminCookie },
      signal: AbortSignal.timeout(180_000),
    });
    const bytes = (await response.arrayBuffer()).byteLength;
    return { ms: performance.now() - started, status: response.status, bytes };
  } catch {
    return { ms: performance.now() - started, status: -1, bytes: 0 };
  }
}
const adminFirst = await adminTeamPage();
const adminRepeats: Awaited<ReturnType<typeof adminTeamPage>>[] = [];
// Page 2 and a status filter as well: work a cache of page 1 would not answer.
for (const search of ["", "?page=2", "?status=refresh_due", "?sort=name&dir=desc", ""])
  for (let i = 0; i < 2; i++) adminRepeats.push(await adminTeamPage(search));
const adminStatus = [adminFirst, ...adminRepeats].every((r) => r.status === 200)
  ? 200
  : ([adminFirst, ...adminRepeats].find((r) => r.status !== 200)?.status ?? -1);
const sortedMs = adminRepeats.map((r) => r.ms).sort((a, b) => a - b);
const adminTeamMs = sortedMs[Math.floor(sortedMs.length / 2)];
progress(
  `  first ${adminFirst.ms.toFixed(0)} ms; then median ${adminTeamMs.toFixed(0)} ms, max ${sortedMs.at(-1)!.toFixed(0)} ms, ${(adminFirst.bytes / 1024).toFixed(0)} KB (status ${adminStatus})`,
);

progress(
  `mixed scenario: ${walkers.length} reps walking a product, ${managerEmails.length} managers loading their team…`,
);
const mixed = await measure(
  baseUrl,
  {
    name: `mixed: ${walkers.length} reps reading and answering, managers loading their team (1 in 10)`,
    path: "/",
    seconds: args.mixedSeconds,
    requests: mixedRequests({
      walks: walkers.map((w, i) => ({
        cookie: walkerCookies[i],
        productSlug: w.productSlug,
        modules: modulesOf.get(w.productSlug)!,
      })),
      managers: managerCookies,
      connections: args.connections,
      origin: baseUrl,
    }),
  },
  defaults,
);
figures.push(mixed);
progress(
  `  ${mixed.rps.toFixed(0)} req/s, p50 ${mixed.p50} ms, p99 ${mixed.p99} ms, ${mixed.errors} errors`,
);
const rssAfterLoad = serverRssMb(server.pid);
const serverErrors = server
  .output()
  .split("\n")
  .filter((l) => /error/i.test(l))
  .slice(0, 5);
await server.stop();

// Report.
const baseline = figures[0].rps;
const ratio = (f: Figure) => f.rps / baseline;
const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
const results = {
  at: new Date().toISOString(),
  label: args.label,
  machine: { cores: os.cpus().length, node: process.version },
  org: { ...org, products: products.length, modules: moduleCount },
  figures: figures.map((f) => ({ ...f, ratioToSignIn: ratio(f) })),
  adminTeamPage: {
    firstMs: adminFirst.ms,
    medianMs: adminTeamMs,
    maxMs: sortedMs.at(-1),
    kb: adminFirst.bytes / 1024,
    status: adminStatus,
  },
  content,
  standingMsPerProduct: standingMs,
  firstResponseMs,
  startupSweepMs: sweepMs,
  rssMb: { afterWarmup: rssAfterWarmup, afterLoad: rssAfterLoad },
  serverErrors,
};
fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
const previousRuns: unknown[] = fs.existsSync(args.json)
  ? (() => {
      try {
        const parsed: unknown = JSON.parse(fs.readFileSync(args.json, "utf8"));
        return Array.isArray(parsed) ? parsed : [];
      } catch {
        return [];
      }
    })()
  : [];
fs.writeFileSync(args.json, JSON.stringify([results, ...previousRuns], null, 2) + "\n");

const ms = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));
const table = [
  "| measure | req/s | × sign-in | p50 ms | p99 ms | errors |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...figures.map(
    (f) =>
      `| ${f.name}${f.connections !== args.connections ? ` (${f.connections} conn.)` : ""} | ${f.rps.toFixed(0)} | ${ratio(f).toFixed(2)} | ${f.p50} | ${f.p99} | ${f.errors} |`,
  ),
];
const lines = [
  `Organisation: ${org.reps} reps in ${org.teams} teams, ${products.length} products × ${args.modulesPerProduct} modules, ` +
    `${org.attempts.toLocaleString("en")} attempts, ${org.progress.toLocaleString("en")} progress rows, ${org.activeCertifications.toLocaleString("en")} certifications. ` +
    `${args.connections} connections, ${args.seconds} s each (mixed ${args.mixedSeconds} s).`,
  "",
  ...table,
  "",
  adminStatus === 200
    ? `- admin's team page (50 rows over every rep, ${(adminFirst.bytes / 1024).toFixed(0)} KB, one connection, time to last byte): median ${ms(adminTeamMs)} ms, max ${ms(sortedMs.at(-1)!)} ms over ten requests (pages, a filter, a sort); the first request after start ${ms(adminFirst.ms)} ms`
    : `- admin's team page: not measured, /team answers an admin ${adminStatus} on this build`,
  `- server RSS: ${rssAfterWarmup.toFixed(0)} MB after warm-up, ${rssAfterLoad.toFixed(0)} MB after load`,
  `- start-up status sweep over ${org.activeCertifications.toLocaleString("en")} active certifications: ${ms(sweepMs)} ms; first response after start ${ms(firstResponseMs)} ms`,
  `- content, ${moduleCount} modules: cold ${ms(content.coldMs)} ms (${content.coldCompiled} compiled); warm re-scan, nothing changed ${ms(content.warmMs)} ms (${content.warmCompiled} compiled); ` +
    `restart ${ms(content.restartMs)} ms (${content.restartCompiled} compiled); one file changed ${ms(content.oneChangedMs)} ms (${content.oneChangedCompiled} compiled)`,
  `- in-process standing: ${standingMs.toFixed(3)} ms per rep × product`,
  ...(serverErrors.length
    ? ["- server logged: " + serverErrors.map((l) => `\`${l.slice(0, 120)}\``).join("; ")]
    : []),
];
for (const line of lines) console.log(line);

const file = path.resolve("BENCHMARKS.md");
const intro =
  "# Benchmarks\n\nMeasured by `npm run bench` (see README), newest first. Each figure is also a ratio to the sign-in page " +
  "(server-rendered, no database) measured in the same run, so runs compare across machines.\n";
const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : intro;
const [title, ...rest] = previous.split("\n## ");
const entry = `## ${stamp} UTC${args.label ? ` — ${args.label}` : ""} (${os.cpus().length} cores, Node ${process.version})\n\n${lines.join("\n")}\n`;
// Formatted as the lint step expects, so a bench run never turns CI red.
fs.writeFileSync(
  file,
  await prettier.format([title.trimEnd() + "\n", entry, ...rest.map((r) => `## ${r}`)].join("\n"), {
    ...(await prettier.resolveConfig(file)),
    filepath: file,
  }),
);
fs.rmSync(scratch, { recursive: true, force: true });
progress(`wrote BENCHMARKS.md and ${args.json}`);
