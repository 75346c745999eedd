import { wordStem } from "./word-stem";

export type SearchableTerm = {
  term: string;
  definition: string;
  replaces: string[];
  module: { title: string };
};

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Whether a term answers a search: every word typed starts a word of the term, its definition, its
 * module or the phrases it replaces, as typed or inflected ("rules" finds "rule", "ingest" finds
 * "ingestion"), so the list narrows sensibly while someone is still typing.
 */
export function termMatchesQuery({ term, query }: { term: SearchableTerm; query: string }) {
  const wanted = wordsOf(query);
  if (!wanted.length) return true;
  const haystack = wordsOf(
    [term.term, term.definition, term.module.title, ...term.replaces].join(" "),
  );
  const stems = haystack.map(wordStem);
  return wanted.every((word) => {
    const stem = wordStem(word);
    return (
      haystack.some((candidate) => candidate.startsWith(word)) ||
      stems.some((candidate) => candidate.startsWith(stem))
    );
  });
}
