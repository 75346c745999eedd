import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "~/utils/db.server";
import {
  getCompileStats,
  getModule,
  getModuleSourceByHash,
  getProduct,
  loadCatalog,
} from "./content.server";
import { copyFixture, writeTree } from "./__fixtures__/write-tree";
import { sha256 } from "./build-module.server";

function freshDatabasePath() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-db-")), "content.db");
}

/** Measures compiles and cache hits of one catalog load, as a process (its own DB handle) would see them. */
async function loadCounting(options: { contentDir: string; databasePath: string }) {
  const before = getCompileStats();
  const db = openDatabase(options.databasePath);
  const products = await loadCatalog({ contentDir: options.contentDir, db });
  const after = getCompileStats();
  return {
    products,
    db,
    compiled: after.compiled - before.compiled,
    cacheHits: after.cacheHits - before.cacheHits,
  };
}

test("the catalog lists products with their policy and modules in product.yml order", async () => {
  const contentDir = copyFixture("good");
  const db = openDatabase(freshDatabasePath());
  const [product] = await loadCatalog({ contentDir, db });
  expect(product).toMatchObject({
    slug: "acme",
    name: "Acme Ledger",
    policy: { passMark: 0.75, validDays: 365, refreshGraceDays: 14, maxAttemptsPerDay: 2 },
    diagnostics: [],
  });
  const welcomeBytes = fs.readFileSync(path.join(contentDir, "products/acme/01-welcome.mdx"));
  expect(product.modules).toEqual([
    {
      slug: "welcome",
      path: "01-welcome.mdx",
      title: "Welcome to Acme",
      summary: "Set up the workspace.",
      week: 1,
      duration: 20,
      revision: 1,
      friction: ["Admin rights are held by IT"],
      sourceHash: sha256(welcomeBytes),
      shownSourceHash: sha256(welcomeBytes),
      status: "ready",
      quizIds: ["admin-rights"],
    },
    expect.objectContaining({
      slug: "week-2/rules",
      path: "week-2/rules.mdx",
      revision: 2,
      status: "ready",
      quizIds: ["monday-upload"],
    }),
  ]);
});

test("a module page has its code, headings, neighbours and server-only quiz keys", async () => {
  const contentDir = copyFixture("good");
  const db = openDatabase(freshDatabasePath());
  const page = await getModule({ contentDir, db, productSlug: "acme", moduleSlug: "week-2/rules" });
  expect(page?.code).toEqual(expect.any(String));
  expect(page?.headings).toEqual([{ depth: 2, id: "create-a-rule", text: "Create a rule" }]);
  expect(page?.prev?.slug).toBe("welcome");
  expect(page?.next).toBeNull();
  expect(page?.quizKeys[0]).toMatchObject({
    id: "monday-upload",
    multiple: true,
    correct: ["0", "1"],
  });
  expect(await getModule({ contentDir, db, productSlug: "acme", moduleSlug: "nope" })).toBeNull();
  expect(await getProduct({ contentDir, db, productSlug: "nope" })).toBeNull();

  const welcomePage = await getModule({
    contentDir,
    db,
    productSlug: "acme",
    moduleSlug: "welcome",
  });
  const key = welcomePage?.quizKeys.find((k) => k.id === "admin-rights");
  expect({ ...key, moduleSlug: welcomePage?.module.slug }).toMatchObject({
    moduleSlug: "welcome",
    correct: ["1"],
    explanationHtml: "IT holds them in most companies.",
  });

  const welcome = (await getProduct({ contentDir, db, productSlug: "acme" }))?.modules[0];
  expect(getModuleSourceByHash(welcome?.sourceHash ?? "", { db })).toMatchObject({
    productSlug: "acme",
    moduleSlug: "welcome",
    path: "01-welcome.mdx",
    revision: 1,
  });
});

test("a restart compiles nothing, and changing one file compiles exactly that file", async () => {
  const contentDir = copyFixture("good");
  const databasePath = freshDatabasePath();
  const first = await loadCounting({ contentDir, databasePath });
  expect(first).toMatchObject({ compiled: 2, cacheHits: 0 });

  const restart = await loadCounting({ contentDir, databasePath });
  expect(restart).toMatchObject({ compiled: 0, cacheHits: 2 });

  fs.appendFileSync(path.join(contentDir, "products/acme/week-2/rules.mdx"), "\nOne more line.\n");
  const afterEdit = await loadCounting({ contentDir, databasePath });
  expect(afterEdit).toMatchObject({ compiled: 1, cacheHits: 1 });
});

test("editing an included partial recompiles only the modules that include it", async () => {
  const contentDir = copyFixture("good");
  const databasePath = freshDatabasePath();
  await loadCounting({ contentDir, databasePath });
  fs.appendFileSync(
    path.join(contentDir, "products/acme/_partials/office-hours.mdx"),
    "\nAlso Thursdays.\n",
  );
  expect(await loadCounting({ contentDir, databasePath })).toMatchObject({
    compiled: 1,
    cacheHits: 1,
  });
});

test("a broken edit keeps the last good version live and reports the error; a never-compiled module is unavailable", async () => {
  const contentDir = copyFixture("good");
  const databasePath = freshDatabasePath();
  const { products } = await loadCounting({ contentDir, databasePath });
  const goodHash = products[0].modules[1].sourceHash;

  fs.appendFileSync(
    path.join(contentDir, "products/acme/week-2/rules.mdx"),
    "\n<Note>\nnever closed\n",
  );
  fs.writeFileSync(path.join(contentDir, "products/acme/03-broken.mdx"), "# Broken\n\n<Tip>\n");
  const config = path.join(contentDir, "products/acme/product.yml");
  fs.writeFileSync(
    config,
    fs.readFileSync(config, "utf8").replace("  - week-2/rules\n", "  - week-2/rules\n  - broken\n"),
  );
  const { products: after, db } = await loadCounting({ contentDir, databasePath });
  const [, rules, broken] = after[0].modules;
  expect(rules).toMatchObject({
    status: "stale",
    shownSourceHash: goodHash,
    quizIds: ["monday-upload"],
  });
  expect(rules.sourceHash).not.toBe(goodHash);
  expect(rules.error).toMatch(/^Does not compile: Expected a closing tag for `<Note>`/);
  expect(broken).toMatchObject({ status: "unavailable", shownSourceHash: null, quizIds: [] });

  const page = await getModule({ contentDir, db, productSlug: "acme", moduleSlug: "week-2/rules" });
  expect(page?.code).toEqual(expect.any(String));
  expect(page?.diagnostics[0]).toMatchObject({
    severity: "error",
    file: path.join(contentDir, "products/acme/week-2/rules.mdx"),
  });
  expect(
    (await getModule({ contentDir, db, productSlug: "acme", moduleSlug: "broken" }))?.code,
  ).toBeNull();
});

test("a running server picks up content changes on the next access after a second", async () => {
  const contentDir = copyFixture("good");
  const db = openDatabase(freshDatabasePath());
  await loadCatalog({ contentDir, db });
  fs.writeFileSync(
    path.join(contentDir, "products/acme/week-2/rules.mdx"),
    "---\ntitle: Rules, rewritten\n---\n\nNew text.\n",
  );
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const product = await getProduct({ contentDir, db, productSlug: "acme" });
  expect(product?.modules[1].title).toBe("Rules, rewritten");
});

test("quiz ids must be unique across a product, and listed modules must exist", async () => {
  const quiz =
    '<Quiz id="same" question="Q?">\n  <Choice correct>A</Choice>\n  <Choice>B</Choice>\n</Quiz>\n';
  const contentDir = writeTree({
    "products/p/product.yml": "name: P\nsummary: S\nmodules:\n  - one\n  - two\n  - missing\n",
    "products/p/one.mdx": `# One\n\n${quiz}`,
    "products/p/two.mdx": `# Two\n\n${quiz}`,
    "products/p/extra.mdx": "# Not listed\n",
  });
  const [product] = await loadCatalog({ contentDir, db: openDatabase(freshDatabasePath()) });
  const dir = path.join(contentDir, "products/p");
  expect(product.modules.map((m) => m.slug)).toEqual(["one", "two"]);
  expect(product.diagnostics).toEqual(
    expect.arrayContaining([
      {
        severity: "error",
        file: path.join(dir, "product.yml"),
        line: 6,
        message: 'Module "missing" listed in product.yml has no .mdx or .md file',
      },
      {
        severity: "warning",
        file: path.join(dir, "extra.mdx"),
        message: "Not listed in product.yml `modules:`, so it is not part of the product",
      },
      {
        severity: "error",
        file: path.join(dir, "two.mdx"),
        line: 3,
        message:
          'Quiz id "same" is already used in one.mdx; quiz ids must be unique within a product',
      },
    ]),
  );
});
