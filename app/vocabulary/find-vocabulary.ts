import type { GlossaryTerm } from "~/content/types";
import { matchPhrases, phraseKey } from "./match-phrases";

/** The longest text the translation check reads: a long email or a handoff note, not a book. */
export const maxCheckedTextLength = 20_000;

export type GlossarySource = { slug: string; name: string; glossary: readonly GlossaryTerm[] };

/** One marketing phrase found in a text, with the product term that replaces it. */
export type VocabularyMatch = {
  /** The phrase as listed in the glossary; `text.slice(start, end)` is how it was written. */
  phrase: string;
  term: string;
  anchor: string;
  definition: string;
  product: { slug: string; name: string };
  module: { slug: string; title: string };
  week: number | null;
  start: number;
  end: number;
};

/**
 * Every marketing phrase any glossary lists, found in `text`. A phrase two products both list is
 * answered once per product, at the same offsets, in catalog order.
 */
export function findVocabulary({
  text,
  products,
}: {
  text: string;
  products: readonly GlossarySource[];
}): VocabularyMatch[] {
  const listed = products.flatMap((product) =>
    product.glossary.flatMap((term) =>
      term.replaces.map((phrase) => ({ phrase, key: phraseKey(phrase), product, term })),
    ),
  );
  return matchPhrases({ text, phrases: listed.map((l) => l.phrase) }).flatMap((match) =>
    listed
      .filter((l) => l.key === match.key)
      .map(({ phrase, product, term }) => ({
        phrase,
        term: term.term,
        anchor: term.anchor,
        definition: term.definition,
        product: { slug: product.slug, name: product.name },
        module: { slug: term.module.slug, title: term.module.title },
        week: term.module.week,
        start: match.start,
        end: match.end,
      })),
  );
}

/** Matches sharing a span, for marking the text once per phrase found. */
export function groupBySpan(matches: readonly VocabularyMatch[]) {
  const groups: { start: number; end: number; matches: VocabularyMatch[] }[] = [];
  for (const match of matches) {
    const last = groups.at(-1);
    if (last && last.start === match.start && last.end === match.end) last.matches.push(match);
    else groups.push({ start: match.start, end: match.end, matches: [match] });
  }
  return groups;
}
