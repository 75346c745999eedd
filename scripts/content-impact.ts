import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readFolderRevisions } from "~/content/folder-revisions.server";
import { readLiveProduct } from "~/content/live-revisions.server";
import { formatImpactLine, formatRevisionChange } from "~/models/change-impact-text";
import { folderImpact } from "~/models/change-impact.server";
import { openDatabaseReadOnly } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

// Compares a content folder with what the database serves and prints, one line per rep, whose
// certification serving that folder would move to "refresh due", and by when it would lapse.
function fail(message: string): never {
  console.error(`content:impact: ${message}`);
  process.exit(1);
}

let values: { dir?: string; product?: string };
try {
  ({ values } = parseArgs({
    options: { dir: { type: "string" }, product: { type: "string" } },
    allowPositionals: false,
  }));
} catch (error) {
  fail(
    `${error instanceof Error ? error.message : String(error)}. Usage: --dir DIR [--product SLUG]`,
  );
}
const dir = path.resolve(values.dir ?? getEnv().CONTENT_DIR);
if (!fs.existsSync(dir)) fail(`${dir} does not exist`);
if (!fs.statSync(dir).isDirectory()) fail(`${dir} is not a folder`);
const folders = readFolderRevisions({ dir, productSlug: values.product });
if (folders.length === 0) {
  fail(
    values.product
      ? `${dir} has no product "${values.product}"`
      : `${dir} holds no product (expected products/<slug>/product.yml or a docs folder)`,
  );
}

const databasePath = path.resolve(getEnv().DATABASE_PATH);
if (!fs.existsSync(databasePath)) fail(`no database at ${databasePath} (set DATABASE_PATH)`);
const db = (() => {
  try {
    return openDatabaseReadOnly(databasePath);
  } catch (error) {
    return fail(`cannot open ${databasePath}: ${error instanceof Error ? error.message : error}`);
  }
})();

const now = new Date();
const interactive = process.stderr.isTTY;
let affected = 0;
let changed = 0;
for (const [index, folder] of folders.entries()) {
  const line = `[${index + 1}/${folders.length}] comparing ${folder.slug} (${folder.modules.length} modules)`;
  if (interactive) process.stderr.write(`\r\x1b[2K${line}`);
  else process.stderr.write(`${line}\n`);
  let result;
  try {
    result = folderImpact({
      db,
      folder,
      live: readLiveProduct({ db, productSlug: folder.slug }),
      now,
    });
  } catch (error) {
    if (interactive) process.stderr.write("\r\x1b[2K");
    fail(
      `${databasePath} could not be read as a Firsthand database (${error instanceof Error ? error.message : error})`,
    );
  }
  if (interactive) process.stderr.write("\r\x1b[2K");
  for (const problem of result.problems) {
    console.log(
      `warning ${path.relative(dir, problem.file)}${problem.line ? `:${problem.line}` : ""} ${problem.message} (its live revision stays)`,
    );
  }
  for (const change of result.changes)
    console.log(formatRevisionChange({ product: folder, change }));
  for (const impact of result.impact) console.log(formatImpactLine({ product: folder, impact }));
  affected += result.impact.length;
  changed += result.changes.length;
}
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
console.log(
  `${count(changed, "module change")}, ${count(affected, "certification")} moved to refresh due or given more to re-take`,
);
