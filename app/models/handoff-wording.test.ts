import { expect, test } from "vitest";
import { reviewHandoffWording } from "./handoff-wording";

const product = {
  slug: "ledgerflow",
  name: "LedgerFlow",
  glossary: [
    {
      term: "Ingestion rule",
      anchor: "ingestion-rule",
      definition: "Says where bank data comes from and when to fetch it.",
      module: { slug: "ingestion-rules", title: "Automate ingestion with rules", week: 2 },
      replaces: ["streamlines your processes", "no more manual work"],
      line: 3,
    },
  ],
};

test("notes and each promise are checked apart, each labelled for the rep", () => {
  const review = reviewHandoffWording({
    product,
    input: {
      notes: "We said it Streamlined your processes!",
      promises: [
        { text: "Rules fetch statements daily", moduleSlug: "ingestion-rules" },
        { text: "No more manual work", moduleSlug: "ingestion-rules" },
      ],
    },
  });
  expect(review.map((f) => [f.label, f.matches.map((m) => f.text.slice(m.start, m.end))])).toEqual([
    ["Promise 2", ["No more manual work"]],
    ["Notes for the CSM", ["Streamlined your processes"]],
  ]);
  expect(review[1].matches[0]).toMatchObject({ term: "Ingestion rule", week: 2 });
});

test("text in the product's own words needs no review", () => {
  expect(
    reviewHandoffWording({
      product,
      input: {
        notes: "Ingestion rules fetch statements; the processes stay theirs.",
        promises: [],
      },
    }),
  ).toEqual([]);
});
