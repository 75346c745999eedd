import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "~/utils/db.server";
import { getModule, loadCatalog, markContentChanged } from "./content.server";
import { writeTree } from "./__fixtures__/write-tree";

function freshDb() {
  return openDatabase(
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-glossary-")), "g.db"),
  );
}

const glossary = [
  "terms:",
  "  - term: Ingestion rule",
  "    definition: Pulls bank data every morning.",
  "    module: rules",
  "    replaces: [streamlines your processes]",
  "  - term: Ghost",
  "    definition: Points at a module that is gone.",
  "    module: no-such-module",
  "",
].join("\n");

test("a broken glossary keeps its product serving, with what validated and the errors", async () => {
  const contentDir = writeTree({
    "products/acme/product.yml": "name: Acme\nsummary: Test product.\n",
    "products/acme/01-welcome.mdx":
      "---\nweek: 1\n---\n# Welcome\n\nOur tool streamlines your processes. Set up <Term>ingestion rules</Term> and <Term>ghosts</Term>.\n",
    "products/acme/02-rules.mdx": "---\nweek: 2\n---\n# Rules\n\nRules run daily.\n",
    "products/acme/glossary.yml": glossary,
  });
  const db = freshDb();
  const [product] = await loadCatalog({ contentDir, db });
  expect(product.modules.map((m) => m.status)).toEqual(["ready", "ready"]);
  expect(product.glossary.map((t) => [t.term, t.module.week])).toEqual([["Ingestion rule", 2]]);
  const file = (name: string) => path.join(contentDir, "products/acme", name);
  expect(
    product.diagnostics.map((d) => [path.basename(d.file), d.line, d.severity, d.message]),
  ).toEqual([
    ["glossary.yml", 8, "error", expect.stringContaining('no module "no-such-module"')],
    ["01-welcome.mdx", 6, "warning", expect.stringContaining('"ghosts" is not in')],
    [
      "01-welcome.mdx",
      6,
      "warning",
      expect.stringContaining('marketing phrase "streamlines your processes"'),
    ],
  ]);
  expect(product.diagnostics[0].file).toBe(file("glossary.yml"));

  // The module page still renders; its terms come from the glossary at request time.
  const page = await getModule({ productSlug: "acme", moduleSlug: "welcome", contentDir, db });
  expect(page?.code).toBeTruthy();

  // A glossary that is not YAML at all: the product serves with no terms.
  fs.writeFileSync(file("glossary.yml"), "terms: [unclosed\n");
  markContentChanged();
  const [broken] = await loadCatalog({ contentDir, db });
  expect(broken.modules.map((m) => m.status)).toEqual(["ready", "ready"]);
  expect(broken.glossary).toEqual([]);
  expect(broken.diagnostics[0].message).toMatch(/^glossary.yml is not valid YAML/);
});

test("a product without glossary.yml has no terms and no finding about it", async () => {
  const contentDir = writeTree({
    "products/plain/product.yml": "name: Plain\nsummary: No glossary.\n",
    "products/plain/01-welcome.mdx": "# Welcome\n\nNothing to see.\n",
  });
  const [product] = await loadCatalog({ contentDir, db: freshDb() });
  expect(product.glossary).toEqual([]);
  expect(product.diagnostics).toEqual([]);
});

test("a term that repeats a knowledge check's explanation is left out with an error", async () => {
  const contentDir = writeTree({
    "products/quizzed/product.yml": "name: Quizzed\nsummary: A quiz and a glossary.\n",
    "products/quizzed/01-rules.mdx": [
      "---",
      "week: 2",
      "---",
      "# Rules",
      "",
      '<Quiz id="monday" question="What replaces the Monday upload?">',
      "  <Choice>A CSV template</Choice>",
      "  <Choice correct>Ingestion rules</Choice>",
      "  <Explain>Ingestion rules fetch bank feeds automatically every morning, so nobody uploads files.</Explain>",
      "</Quiz>",
      "",
    ].join("\n"),
    "products/quizzed/glossary.yml": [
      "terms:",
      "  - term: Ingestion rule",
      "    definition: Ingestion rules fetch bank feeds automatically every morning.",
      "    module: rules",
      "  - term: Bank feed",
      "    definition: A direct connection to the bank.",
      "    module: rules",
      "",
    ].join("\n"),
  });
  const [product] = await loadCatalog({ contentDir, db: freshDb() });
  expect(product.glossary.map((t) => t.term)).toEqual(["Bank feed"]);
  expect(product.diagnostics).toEqual([
    {
      severity: "error",
      file: path.join(contentDir, "products/quizzed/glossary.yml"),
      line: 2,
      message: expect.stringContaining(
        'Term "Ingestion rule" repeats the explanation of quiz "monday"',
      ),
    },
  ]);
});
