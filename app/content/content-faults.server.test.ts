import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { compiledModules, moduleSources } from "#db/schema";
import { openDatabase } from "~/utils/db.server";
import { loadCatalog } from "./content.server";
import { copyFixture } from "./__fixtures__/write-tree";

function freshDatabasePath() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-db-")), "faults.db");
}

const goodPolicy = { passMark: 0.75, validDays: 365, refreshGraceDays: 14, maxAttemptsPerDay: 2 };

test("a product.yml broken after a good version keeps that version's policy, across restarts, and says so", async () => {
  const contentDir = copyFixture("good");
  const databasePath = freshDatabasePath();
  const config = path.join(contentDir, "products/acme/product.yml");
  const [before] = await loadCatalog({ contentDir, db: openDatabase(databasePath) });
  expect(before.policy).toEqual(goodPolicy);

  fs.writeFileSync(
    config,
    fs
      .readFileSync(config, "utf8")
      .replace("passMark: 0.75", "passMark: 75")
      .replace("maxAttemptsPerDay: 2", "maxAttemptsPerDay: lots"),
  );
  const [broken] = await loadCatalog({ contentDir, db: openDatabase(databasePath) });
  expect(broken.policy).toEqual(goodPolicy);
  expect(broken.name).toBe("Acme Ledger");
  const errors = broken.diagnostics.filter((d) => d.severity === "error" && d.file === config);
  expect(errors.map((d) => d.message)).toEqual(
    expect.arrayContaining([
      expect.stringContaining("certification.passMark"),
      expect.stringMatching(/last good version .* stays in use/),
    ]),
  );

  fs.writeFileSync(config, "name: [unclosed\n");
  const [unreadable] = await loadCatalog({ contentDir, db: openDatabase(databasePath) });
  expect(unreadable.policy).toEqual(goodPolicy);
  expect(unreadable.modules.map((m) => m.slug)).toEqual(["welcome", "week-2/rules"]);
});

test("a revision bump in an edit that does not compile is not a revision: reps keep the served one", async () => {
  const contentDir = copyFixture("good");
  const databasePath = freshDatabasePath();
  const rulesFile = path.join(contentDir, "products/acme/week-2/rules.mdx");
  const [before] = await loadCatalog({ contentDir, db: openDatabase(databasePath) });
  const rules = before.modules[1];
  expect(rules.revision).toBe(2);

  const source = fs.readFileSync(rulesFile, "utf8");
  fs.writeFileSync(
    rulesFile,
    source.replace("revision: 2", "revision: 3") + "\n<Note>\nnever closed\n",
  );
  const db = openDatabase(databasePath);
  const [after] = await loadCatalog({ contentDir, db });
  expect(after.modules[1]).toMatchObject({
    status: "stale",
    revision: 2,
    shownSourceHash: rules.sourceHash,
    title: rules.title,
  });
  const recorded = db
    .select({ revision: moduleSources.revision })
    .from(moduleSources)
    .where(and(eq(moduleSources.productSlug, "acme"), eq(moduleSources.moduleSlug, "week-2/rules")))
    .all();
  expect(recorded.map((r) => r.revision)).toEqual([2]);

  fs.writeFileSync(rulesFile, source.replace("revision: 2", "revision: two"));
  const [typo] = await loadCatalog({ contentDir, db: openDatabase(databasePath) });
  expect(typo.modules[1]).toMatchObject({ status: "stale", revision: 2 });

  fs.writeFileSync(rulesFile, source.replace("revision: 2", "revision: 3"));
  const [fixed] = await loadCatalog({ contentDir, db: openDatabase(databasePath) });
  expect(fixed.modules[1]).toMatchObject({ status: "ready", revision: 3 });
});

test("a last good compile made by an older compiler is not served in place of a failing edit", async () => {
  const contentDir = copyFixture("good");
  const databasePath = freshDatabasePath();
  const db = openDatabase(databasePath);
  await loadCatalog({ contentDir, db });
  // As a compile from before the server-access guard would be stored.
  for (const row of db.select().from(compiledModules).all()) {
    const { compilerVersion: _dropped, ...meta } = JSON.parse(row.meta);
    db.update(compiledModules)
      .set({ meta: JSON.stringify(meta) })
      .where(eq(compiledModules.cacheKey, row.cacheKey))
      .run();
  }
  const rulesFile = path.join(contentDir, "products/acme/week-2/rules.mdx");
  fs.appendFileSync(rulesFile, "\n{process.env.DATABASE_PATH}\n");
  const [after] = await loadCatalog({ contentDir, db: openDatabase(databasePath) });
  expect(after.modules[1]).toMatchObject({ status: "unavailable", shownSourceHash: null });
});
