import { parseGlossary } from "./parse-glossary";

const file = "/content/products/acme/glossary.yml";
const modules = [
  { slug: "welcome", title: "Welcome to Acme", week: 1 },
  { slug: "week-2/rules", title: "Automate with rules", week: 2 },
  { slug: "appendix", title: "Appendix", week: null },
];

const parse = (text: string) => parseGlossary({ text, file, modules });

test("terms take the week and title of the module where the customer meets them", () => {
  const { terms, diagnostics } = parse(
    [
      "terms:",
      "  - term: Ingestion rule",
      "    definition: Pulls bank data every morning.",
      "    module: week-2/rules",
      "    replaces:",
      "      - streamlines your processes",
      "  - term: Appendix note",
      "    definition: Reference only.",
      "    module: appendix",
      "",
    ].join("\n"),
  );
  expect(diagnostics).toEqual([]);
  expect(terms).toEqual([
    {
      term: "Ingestion rule",
      anchor: "ingestion-rule",
      definition: "Pulls bank data every morning.",
      module: { slug: "week-2/rules", title: "Automate with rules", week: 2 },
      replaces: ["streamlines your processes"],
      line: 2,
    },
    {
      term: "Appendix note",
      anchor: "appendix-note",
      definition: "Reference only.",
      module: { slug: "appendix", title: "Appendix", week: null },
      replaces: [],
      line: 7,
    },
  ]);
});

test("an unknown module and a duplicate term are errors on their lines, and the rest still serves", () => {
  const { terms, diagnostics } = parse(
    [
      "terms:",
      "  - term: Ingestion rule",
      "    definition: Pulls bank data.",
      "    module: week-2/rules",
      "  - term: Bank feed",
      "    definition: A direct connection.",
      "    module: week-3/feeds",
      "  - term: ingestion  RULE",
      "    definition: The same term again.",
      "    module: welcome",
      "  - term: Workspace",
      "    definition: Where the team works.",
      "    module: welcome",
      "",
    ].join("\n"),
  );
  expect(terms.map((t) => t.term)).toEqual(["Ingestion rule", "Workspace"]);
  expect(diagnostics).toEqual([
    {
      severity: "error",
      file,
      line: 7,
      message: expect.stringMatching(
        /^Term "Bank feed": no module "week-3\/feeds" in this product \(modules: welcome, week-2\/rules, appendix\)/,
      ),
    },
    {
      severity: "error",
      file,
      line: 8,
      message: expect.stringContaining(
        'Term "ingestion  RULE" is already defined as "Ingestion rule" (line 2)',
      ),
    },
  ]);
});

test("a wrong or unknown field drops that term with an error naming the field and its line", () => {
  const { terms, diagnostics } = parse(
    [
      "terms:",
      "  - term: Rule",
      "    definition: 42",
      "    module: welcome",
      "  - term: Feed",
      "    definition: A feed.",
      "    module: welcome",
      "    replace: [seamless integration]",
      "  - term: Kept",
      "    definition: Still here.",
      "    module: welcome",
      "",
    ].join("\n"),
  );
  expect(terms.map((t) => t.term)).toEqual(["Kept"]);
  expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
    [3, expect.stringMatching(/^glossary.yml `terms.0.definition`: Expected string/)],
    [5, expect.stringMatching(/`terms.1`: unknown key `replace`/)],
  ]);
});

test("a phrase may replace only one term in a product", () => {
  const { terms, diagnostics } = parse(
    [
      "terms:",
      "  - term: Rule",
      "    definition: A rule.",
      "    module: welcome",
      "    replaces: [seamless integration]",
      "  - term: Sync",
      "    definition: A sync.",
      "    module: welcome",
      "    replaces:",
      "      - plug and play",
      "      - Seamless integrations",
      "",
    ].join("\n"),
  );
  expect(terms.map((t) => t.replaces)).toEqual([["seamless integration"], ["plug and play"]]);
  expect(diagnostics).toEqual([
    {
      severity: "error",
      file,
      line: 11,
      message: expect.stringContaining('already listed under "Rule"'),
    },
  ]);
});

test("broken YAML or a file without a terms list is an error and no terms", () => {
  const broken = parse("terms:\n  - term: Rule: again\n    module: welcome\n");
  expect(broken.terms).toEqual([]);
  expect(broken.diagnostics[0]).toMatchObject({ severity: "error", file, line: 2, column: 11 });
  expect(broken.diagnostics[0].message).toMatch(/^glossary.yml is not valid YAML/);

  const list = parse("- term: Rule\n  definition: A rule.\n  module: welcome\n");
  expect(list.terms).toEqual([]);
  expect(list.diagnostics).toEqual([
    {
      severity: "error",
      file,
      line: 1,
      message: expect.stringContaining("must be a map with a `terms:` list"),
    },
  ]);
});
