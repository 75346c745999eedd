import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadCatalog, type CompileProgress } from "~/content/content.server";
import { countBySeverity, formatDiagnostic } from "~/content/diagnostic";
import { openDatabase } from "~/utils/db.server";

// Checks every product and module the way the app would serve them and prints each problem as file:line:col.
const { values } = parseArgs({ options: { dir: { type: "string" } }, allowPositionals: false });
const dir = path.resolve(values.dir ?? process.env.CONTENT_DIR ?? "./content");
if (!fs.existsSync(dir)) {
  console.error(`content:check: ${dir} does not exist`);
  process.exit(1);
}

const cwd = process.cwd();
const interactive = process.stderr.isTTY;
function showProgress({ index, total, file, cached }: CompileProgress) {
  const line = `[${index}/${total}] ${cached ? "cached" : "compiling"} ${path.relative(cwd, file)}`;
  if (interactive) process.stderr.write(`\r\x1b[2K${line}`);
  else process.stderr.write(`${line}\n`);
}

// An in-memory cache: a check never writes into the app's data/ folder.
const db = openDatabase(":memory:");
const products = await loadCatalog({ contentDir: dir, db, onProgress: showProgress });
if (interactive) process.stderr.write("\r\x1b[2K");

const diagnostics = products
  .flatMap((product) => product.diagnostics)
  .sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
for (const diagnostic of diagnostics) console.log(formatDiagnostic({ diagnostic, cwd }));

const modules = products.flatMap((product) => product.modules);
const quizzes = modules.reduce((sum, module) => sum + module.quizIds.length, 0);
const { errors, warnings } = countBySeverity(diagnostics);
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
console.log(
  [
    count(products.length, "product"),
    count(modules.length, "module"),
    count(quizzes, "quiz", "quizzes"),
    count(errors, "error"),
    count(warnings, "warning"),
  ].join(", "),
);
process.exit(errors > 0 ? 1 : 0);
