import { termMatchesQuery } from "./glossary-search";

const term = {
  term: "Ingestion rule",
  definition: "Pulls bank and card data every morning.",
  replaces: ["streamlines your processes"],
  module: { title: "Automate ingestion with rules" },
};
const matches = (query: string) => termMatchesQuery({ term, query });

test("every word typed must start a word of the term, definition, module or phrases", () => {
  for (const query of [
    "",
    "  ",
    "ingest",
    "Ingestion RULES",
    "rule bank",
    "streamlined",
    "process",
  ])
    expect(matches(query), query).toBe(true);
  for (const query of ["flux", "rule flux", "gestion", "seamless"])
    expect(matches(query), query).toBe(false);
});

test("a word part-way typed still matches, inflected or not", () => {
  expect(matches("strea")).toBe(true);
  expect(matches("streamlining")).toBe(true);
  expect(matches("mornings")).toBe(true);
});
