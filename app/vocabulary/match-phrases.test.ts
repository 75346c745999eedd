import { matchPhrases, phraseKey } from "./match-phrases";
import { wordStem } from "./word-stem";

const phrases = [
  "streamlines your processes",
  "AI does the heavy lifting",
  "effortless transformation",
  "seamless integration",
];

const found = (text: string, list: readonly string[] = phrases) =>
  matchPhrases({ text, phrases: list }).map((m) => ({
    phrase: m.phrase,
    written: text.slice(m.start, m.end),
  }));

test("inflections of one word share a stem, and derivations do not", () => {
  const stems = (words: string[]) => new Set(words.map(wordStem));
  expect(stems(["streamline", "streamlines", "streamlined", "streamlining"]).size).toBe(1);
  expect(stems(["process", "processes", "processed", "processing"]).size).toBe(1);
  expect(stems(["integration", "integrations", "Integration's"]).size).toBe(1);
  expect(stems(["lift", "lifts", "lifted", "lifting"]).size).toBe(1);
  expect(stems(["company", "companies"]).size).toBe(1);
  expect(stems(["plan", "planned", "planning"]).size).toBe(1);
  expect(stems(["agree", "agreed", "agrees"]).size).toBe(1);
  expect(wordStem("integrationist")).not.toBe(wordStem("integration"));
  expect(wordStem("preintegration")).not.toBe(wordStem("integration"));
  expect(wordStem("thing")).toBe("thing");
});

test("finds every listed phrase with case, inflection and punctuation changed", () => {
  const text = [
    "Honestly, it STREAMLINED our processes — and the A.I.? Our AI does the heavy-lifting.",
    "It's an Effortless   Transformation, with Seamless\nIntegrations, and it streamlining your process too.",
  ].join("\n");
  expect(found(text)).toEqual([
    { phrase: "streamlines your processes", written: "STREAMLINED our processes" },
    { phrase: "AI does the heavy lifting", written: "AI does the heavy-lifting" },
    { phrase: "effortless transformation", written: "Effortless   Transformation" },
    { phrase: "seamless integration", written: "Seamless\nIntegrations" },
    { phrase: "streamlines your processes", written: "streamlining your process" },
  ]);
});

test("offsets point into the original text, before and after multi-byte characters", () => {
  const text = "Café ☕ teams love the « seamless integration » — really.";
  const [match] = matchPhrases({ text, phrases });
  expect(match).toMatchObject({
    phrase: "seamless integration",
    key: phraseKey("seamless integration"),
  });
  expect(text.slice(match.start, match.end)).toBe("seamless integration");
  expect(match.start).toBe(text.indexOf("seamless"));
  expect(match.end).toBe(text.indexOf(" »"));
});

test("markdown and punctuation between the words still match", () => {
  expect(found("It is a **seamless** _integration_.")).toEqual([
    { phrase: "seamless integration", written: "seamless** _integration" },
  ]);
  expect(found("seamless, integration")).toHaveLength(1);
});

test("no hit inside another word, across a paragraph break, or with words missing", () => {
  for (const text of [
    "A seamless integrationist joined the team.",
    "We wrote a preintegration checklist for a seamless onboarding.",
    "The streamlines of your processes are drawn in blue.",
    "It was seamless.\n\nIntegration came in week 3.",
    "AI does heavy lifting, the machine learning kind.",
    "Our transformation was not effortless.",
  ]) {
    expect(found(text), text).toEqual([]);
  }
});

test("a clean text about the real journey has no matches", () => {
  const clean =
    "In week 2 you set up ingestion rules that pull bank feeds every morning. Bank feed authorisation needs a treasury admin, and SFTP delivery takes 5–10 business days. In week 3 the ERP connection goes live after the test sync ties to history; the integration user may need a licence seat.";
  expect(found(clean)).toEqual([]);
});

test("the longest phrase wins where matches overlap, and a repeated phrase is found each time", () => {
  const list = ["integration", "seamless integration", "seamless integration of your processes"];
  expect(found("A seamless integration of our processes, then integration.", list)).toEqual([
    {
      phrase: "seamless integration of your processes",
      written: "seamless integration of our processes",
    },
    { phrase: "integration", written: "integration" },
  ]);
  expect(found("Seamless integration. Seamless integrations!", list)).toEqual([
    { phrase: "seamless integration", written: "Seamless integration" },
    { phrase: "seamless integration", written: "Seamless integrations" },
  ]);
});

test("phrases that read the same are one key, and the first listed names the match", () => {
  expect(phraseKey("Seamless integrations!")).toBe(phraseKey("seamless integration"));
  expect(found("seamless integration", ["Seamless Integrations", "seamless integration"])).toEqual([
    { phrase: "Seamless Integrations", written: "seamless integration" },
  ]);
  expect(found("anything", ["", "  !!  "])).toEqual([]);
});
