import type { GlossaryTerm } from "~/content/types";
import { findVocabulary, groupBySpan } from "./find-vocabulary";

function term(
  name: string,
  module: { slug: string; title: string; week: number | null },
  replaces: string[],
): GlossaryTerm {
  return {
    term: name,
    anchor: name.toLowerCase().replace(/\W+/g, "-"),
    definition: `${name}, defined.`,
    module,
    replaces,
    line: 1,
  };
}

const products = [
  {
    slug: "ledgerflow",
    name: "LedgerFlow",
    glossary: [
      term("Ingestion rule", { slug: "ingestion-rules", title: "Rules", week: 2 }, [
        "streamlines your processes",
      ]),
      term("Hourly ERP sync", { slug: "erp-integration", title: "ERP", week: 3 }, [
        "seamless integration",
      ]),
    ],
  },
  {
    slug: "crewline",
    name: "Crewline",
    glossary: [
      term("CRM integration", { slug: "billing", title: "Billing", week: 4 }, [
        "Seamless integrations",
      ]),
    ],
  },
];

test("each phrase found is answered with its term, product, module and week", () => {
  const text = "It Streamlined our processes, with seamless-integration.";
  const matches = findVocabulary({ text, products });
  expect(matches.map((m) => [text.slice(m.start, m.end), m.term, m.product.slug, m.week])).toEqual([
    ["Streamlined our processes", "Ingestion rule", "ledgerflow", 2],
    ["seamless-integration", "Hourly ERP sync", "ledgerflow", 3],
    ["seamless-integration", "CRM integration", "crewline", 4],
  ]);
  expect(matches[2]).toMatchObject({
    phrase: "Seamless integrations",
    definition: "CRM integration, defined.",
    module: { slug: "billing", title: "Billing" },
    product: { slug: "crewline", name: "Crewline" },
  });
  expect(groupBySpan(matches).map((g) => g.matches.length)).toEqual([1, 2]);
});

test("a clean text and an empty glossary find nothing", () => {
  expect(findVocabulary({ text: "Ingestion rules run daily from week 2.", products })).toEqual([]);
  expect(findVocabulary({ text: "seamless integration", products: [] })).toEqual([]);
});
