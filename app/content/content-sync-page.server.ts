import fs from "node:fs";
import path from "node:path";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { loadCatalog } from "./content.server";
import { parseContentSource } from "./content-source";
import { readSyncRecord, syncAllContent } from "./content-sync.server";
import { countBySeverity, formatDiagnostic } from "./diagnostic";

const cacheDir = () =>
  path.join(path.dirname(path.resolve(getEnv().DATABASE_PATH)), "content-sync");

/** Each product's `source`, or why it cannot be used, and the commit last synced. */
export async function listContentSources() {
  return (await loadCatalog()).map((product) => {
    const file = path.join(product.dir, "product.yml");
    const parsed = fs.existsSync(file)
      ? parseContentSource(fs.readFileSync(file, "utf8"))
      : ({ ok: true, source: null } as const);
    return {
      slug: product.slug,
      name: product.name,
      source: parsed.ok ? parsed.source : null,
      problem: parsed.ok ? null : parsed.message,
      commit: readSyncRecord({ productDir: product.dir })?.commit ?? null,
    };
  });
}

/** The admin's "Sync now": what `npm run content:sync` prints, as lines. */
export async function syncContentNow() {
  const contentDir = path.resolve(getEnv().CONTENT_DIR);
  const report = await syncAllContent({ contentDir, cacheDir: cacheDir(), db: getDb() });
  const lines: string[] = [];
  let failed = false;
  for (const { slug, outcome } of report.synced) {
    if (!outcome.ok) {
      failed = true;
      lines.push(`${slug}: sync failed: ${outcome.message}`);
    } else if (!outcome.skipped) {
      lines.push(
        `${slug}: ${outcome.changed ? "synced" : "unchanged at"} ${outcome.commit.slice(0, 12)}`,
      );
    }
  }
  const diagnostics = report.products.flatMap((p) => p.diagnostics);
  const { errors, warnings } = countBySeverity(diagnostics);
  for (const diagnostic of diagnostics.filter((d) => d.severity === "error")) {
    lines.push(formatDiagnostic({ diagnostic, cwd: contentDir }));
  }
  lines.push(`${report.compiled} compiled, ${errors} errors, ${warnings} warnings`);
  return { ok: !failed && errors === 0, lines };
}
