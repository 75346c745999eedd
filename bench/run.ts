// npm run bench: measures in one run and prints ratios, so results compare across machines.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-bench-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");
process.env.SEED_DEMO = "false";

const { openDatabase } = await import("~/utils/db.server");
const { getCompileStats, loadCatalog } = await import("~/content/content.server");
const { createUser } = await import("~/models/user.server");
const { createSession, validateSessionToken } = await import("~/utils/session.server");
const { verifyPassword } = await import("~/utils/password.server");
const { getStanding } = await import("~/models/certification.server");

function time<T>(fn: () => Promise<T> | T) {
  const started = performance.now();
  return Promise.resolve(fn()).then((value) => ({ value, ms: performance.now() - started }));
}

const lines: string[] = [];
const report = (line: string) => {
  console.log(line);
  lines.push(line);
};

const contentDir = path.join(dir, "content");
for (const name of ["mintlify", "docusaurus"]) {
  const from = path.resolve("../shared/corpora", name);
  if (fs.existsSync(from))
    fs.cpSync(from, path.join(contentDir, "products", name), { recursive: true });
}
fs.cpSync(path.resolve("content/products"), path.join(contentDir, "products"), { recursive: true });

console.error("[1/3] compiling every product cold, then loading it again from the cache…");
const coldDb = openDatabase(path.join(dir, "content.db"));
const cold = await time(() => loadCatalog({ contentDir, db: coldDb }));
const modules = cold.value.reduce((n, p) => n + p.modules.length, 0);
const afterCold = getCompileStats();
// A second handle on the same file stands in for a restarted server: empty memory, warm database.
const warm = await time(() =>
  loadCatalog({ contentDir, db: openDatabase(path.join(dir, "content.db")) }),
);
const afterWarm = getCompileStats();
report(
  `content: ${modules} modules; cold ${cold.ms.toFixed(0)} ms (${afterCold.compiled} compiled), ` +
    `restart ${warm.ms.toFixed(0)} ms (${afterWarm.compiled - afterCold.compiled} compiled) → restart is ` +
    `${(cold.ms / warm.ms).toFixed(1)}× faster than a cold compile`,
);

console.error("[2/3] sessions: validating a token vs verifying a password…");
const user = await createUser({
  email: "bench@example.test",
  name: "Bench",
  role: "rep",
  password: "bench-password",
});
const { token } = createSession({ userId: user.id });
const validations = 5000;
const validate = await time(() => {
  for (let i = 0; i < validations; i++) validateSessionToken({ token });
});
const verifies = 20;
const verify = await time(async () => {
  for (let i = 0; i < verifies; i++)
    await verifyPassword({ hash: user.passwordHash, password: "bench-password" });
});
const perValidate = validate.ms / validations;
const perVerify = verify.ms / verifies;
report(
  `sessions: validate ${perValidate.toFixed(3)} ms, argon2id verify ${perVerify.toFixed(1)} ms → a request's ` +
    `session check costs ${((perValidate / perVerify) * 100).toFixed(2)}% of one sign-in`,
);

console.error("[3/3] certification standing across the catalogue…");
const products = cold.value;
const rounds = 200;
const standing = await time(() => {
  for (let i = 0; i < rounds; i++)
    for (const product of products) getStanding({ userId: user.id, product });
});
const perStanding = standing.ms / (rounds * products.length);
report(
  `standing: ${perStanding.toFixed(3)} ms per product → a home page of ${products.length} products costs ` +
    `${((perStanding * products.length) / perVerify).toFixed(2)}× one password verify`,
);

const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
const file = path.resolve("BENCHMARKS.md");
const header = fs.existsSync(file)
  ? ""
  : "# Benchmarks\n\nRatios measured in one run of `npm run bench`, newest first.\n";
const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
const [title, ...rest] = (header + previous).split("\n## ");
const entry = `## ${stamp} UTC (${os.cpus().length} cores, Node ${process.version})\n\n${lines.map((l) => `- ${l}`).join("\n")}\n`;
fs.writeFileSync(file, [title.trimEnd() + "\n", entry, ...rest.map((r) => `## ${r}`)].join("\n"));
fs.rmSync(dir, { recursive: true, force: true });
console.error(`Wrote ${path.relative(process.cwd(), file)}`);
