import { glossaryUsageDiagnostics, type ListedPhrase } from "./glossary-usage";
import type { GlossaryTerm } from "./types";

const file = "/content/products/acme/01-welcome.mdx";

function term(name: string, anchor: string, week: number | null = 2): GlossaryTerm {
  return {
    term: name,
    anchor,
    definition: `${name} defined.`,
    module: { slug: "rules", title: "Rules", week },
    replaces: [],
    line: 1,
  };
}

const terms = [term("Ingestion rule", "ingestion-rule"), term("Flux review", "flux-review", 4)];
const phrases: ListedPhrase[] = [
  { phrase: "seamless integration", productSlug: "other", productName: "Other", term: terms[1] },
  {
    phrase: "streamlines your processes",
    productSlug: "acme",
    productName: "Acme",
    term: terms[0],
  },
  { phrase: "seamless integration", productSlug: "acme", productName: "Acme", term: terms[0] },
];

const check = (source: string) =>
  glossaryUsageDiagnostics({ file, source, productSlug: "acme", terms, phrases }).map((d) => ({
    at: `${d.line}:${d.column}`,
    severity: d.severity,
    message: d.message,
  }));

test("a module's marketing phrase is a warning at its line, naming the product's own term", () => {
  const source =
    "---\ntitle: Welcome\n---\n\n# Welcome\n\nIt streamlined your\nprocesses. Also a Seamless Integration.\n";
  expect(check(source)).toEqual([
    {
      at: "7:4",
      severity: "warning",
      message:
        'Uses the marketing phrase "streamlined your processes"; say "Ingestion rule" (week 2) instead',
    },
    {
      at: "8:19",
      severity: "warning",
      message:
        'Uses the marketing phrase "Seamless Integration"; say "Ingestion rule" (week 2) instead',
    },
  ]);
});

test("a phrase only another product lists is still a warning, naming that product", () => {
  const [finding] = glossaryUsageDiagnostics({
    file,
    source: "A seamless integration.",
    productSlug: "third",
    terms,
    phrases,
  });
  expect(finding.message).toMatch(/Other's glossary lists it as a marketing phrase$/);
});

test("<Term> by text, inflected text or id is known; anything else is a warning at its line", () => {
  const source = [
    "Set up <Term>ingestion rules</Term> and run the <Term>**flux** review</Term>.",
    'Then <Term id="flux-review">the review</Term> and <Term id="flux-review" />.',
    "",
    "Finally <Term>balance check</Term> and <Term id='nope'>x</Term>.",
    "",
    "```mdx",
    "<Term>shown as code</Term>",
    "```",
    "",
    "Inline `<Term>code too</Term>` is text.",
  ].join("\n");
  expect(check(source)).toEqual([
    {
      at: "4:9",
      severity: "warning",
      message:
        '<Term> "balance check" is not in this product\'s glossary.yml; it is shown as plain text',
    },
    {
      at: "4:40",
      severity: "warning",
      message: '<Term> id="nope" is not in this product\'s glossary.yml; it is shown as plain text',
    },
  ]);
});

test("a clean module has nothing to say", () => {
  expect(check("# Rules\n\nIngestion rules pull bank feeds every morning.\n")).toEqual([]);
});
