import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "~/utils/db.server";
import { loadCatalog } from "./content.server";
import { discoverModulePaths } from "./discover.server";

// Real Mintlify and Docusaurus docs, dropped in unchanged as products: every page must render.
for (const name of ["mintlify", "docusaurus"]) {
  test(`every page of the ${name} corpus compiles and renders`, async () => {
    const contentDir = path.resolve("../shared/corpora", name);
    const db = openDatabase(
      path.join(fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-corpus-")), "c.db"),
    );
    const started = performance.now();
    const [product] = await loadCatalog({ contentDir, db });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);

    expect(product.modules).toHaveLength(discoverModulePaths(contentDir).length);
    const notReady = product.modules
      .filter((module) => module.status !== "ready")
      .map((m) => `${m.path}: ${m.error}`);
    expect(notReady).toEqual([]);
    const errors = product.diagnostics.filter((d) => d.severity === "error");
    const warnings = product.diagnostics.length - errors.length;
    console.info(
      `${name}: ${product.modules.length} modules ready in ${seconds}s, ${errors.length} errors, ${warnings} warnings`,
    );
    // Problems in the docs themselves (e.g. images the corpus left out) are reported, never fatal.
    for (const error of errors)
      expect(error.message).toMatch(/^(Image not found|Link target not found)/);
  }, 120_000);
}
