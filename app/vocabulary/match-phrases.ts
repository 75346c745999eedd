import { wordStem } from "./word-stem";

export type PhraseMatch = {
  /** The listed phrase that matched (the first listed, when several read the same). */
  phrase: string;
  /** The phrase's comparison key: `phraseKey(phrase)`. */
  key: string;
  /** Offsets into the text (UTF-16 code units): `text.slice(start, end)` is the phrase as written. */
  start: number;
  end: number;
};

type Word = { stem: string; start: number; end: number };

// Letters and digits, with apostrophes inside a word ("AI's") kept as part of it.
const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
// Punctuation and spaces may sit between a phrase's words; a blank line ends the sentence.
const blankLine = /\n[^\S\n]*\n/;

function wordsOf(text: string): Word[] {
  return [...text.matchAll(wordPattern)].map((m) => ({
    stem: wordStem(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** How a phrase compares: its words' stems, so "Seamless integrations!" and "seamless integration" are one key. */
export function phraseKey(phrase: string): string {
  return wordsOf(phrase)
    .map((word) => word.stem)
    .join(" ");
}

/**
 * Every place in `text` where one of `phrases` is said: case-insensitive, with any punctuation or
 * spacing between the words, plurals and simple inflections allowed, and never inside another word.
 * Where matches overlap the longest wins (then the earliest); the result is in text order.
 */
export function matchPhrases({
  text,
  phrases,
}: {
  text: string;
  phrases: readonly string[];
}): PhraseMatch[] {
  const byFirstStem = new Map<string, { phrase: string; key: string; stems: string[] }[]>();
  const seenKeys = new Set<string>();
  for (const phrase of phrases) {
    const stems = wordsOf(phrase).map((word) => word.stem);
    const key = stems.join(" ");
    if (!stems.length || seenKeys.has(key)) continue;
    seenKeys.add(key);
    const list = byFirstStem.get(stems[0]) ?? [];
    list.push({ phrase, key, stems });
    byFirstStem.set(stems[0], list);
  }

  const words = wordsOf(text);
  const candidates: PhraseMatch[] = [];
  words.forEach((word, index) => {
    for (const listed of byFirstStem.get(word.stem) ?? []) {
      const last = index + listed.stems.length - 1;
      if (last >= words.length) continue;
      const fits = listed.stems.every((stem, offset) => {
        const current = words[index + offset];
        if (current.stem !== stem) return false;
        if (offset === 0) return true;
        const gap = text.slice(words[index + offset - 1].end, current.start);
        return !blankLine.test(gap);
      });
      if (fits)
        candidates.push({
          phrase: listed.phrase,
          key: listed.key,
          start: word.start,
          end: words[last].end,
        });
    }
  });

  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: PhraseMatch[] = [];
  for (const candidate of candidates) {
    if (chosen.every((c) => candidate.end <= c.start || candidate.start >= c.end))
      chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
