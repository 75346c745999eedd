import path from "node:path";
import { parseArgs } from "node:util";
import { syncAllContent } from "~/content/content-sync.server";
import { countBySeverity, formatDiagnostic } from "~/content/diagnostic";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

// Pulls every product that names a `source:` in product.yml, then builds the content into the
// app's database, so a running server serves the result (a failing module keeps its last good version).
const { values } = parseArgs({
  options: { dir: { type: "string" }, cache: { type: "string" } },
  allowPositionals: false,
});
const env = getEnv();
const contentDir = path.resolve(values.dir ?? env.CONTENT_DIR);
const cacheDir = path.resolve(
  values.cache ?? path.join(path.dirname(env.DATABASE_PATH), "content-sync"),
);
const report = await syncAllContent({ contentDir, cacheDir, db: getDb() });

let failed = false;
for (const { slug, outcome } of report.synced) {
  if (!outcome.ok) {
    failed = true;
    console.log(`${slug}: sync failed: ${outcome.message}`);
  } else if (!outcome.skipped) {
    const { repo, ref, path: folder } = outcome.source;
    const what = outcome.changed ? "synced" : "unchanged at";
    console.log(`${slug}: ${what} ${outcome.commit.slice(0, 12)} (${repo} ${ref}:${folder})`);
  }
}
const cwd = process.cwd();
const diagnostics = report.products.flatMap((p) => p.diagnostics);
for (const diagnostic of diagnostics) console.log(formatDiagnostic({ diagnostic, cwd }));
const { errors, warnings } = countBySeverity(diagnostics);
console.log(`${report.compiled} compiled, ${errors} errors, ${warnings} warnings`);
process.exit(failed || errors > 0 ? 1 : 0);
