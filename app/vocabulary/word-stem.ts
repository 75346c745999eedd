const vowel = /[aeiouy]/;
const doubledConsonant = /([b-df-hj-km-np-rtv-xz])\1$/;

// Reps say "streamlines our processes" as often as "streamlines your processes": one slot for all.
const possessives = new Set(["your", "our", "their", "my"]);

/**
 * The inflection-free form of one lower-case word, so "streamline", "streamlines", "streamlined" and
 * "streamlining" compare equal. Only inflections are removed (plural and possessive -s, -ed, -ing, a
 * final -e), never derivations, so "integration" and "integrationist" stay apart.
 */
export function wordStem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s?$/, "");
  if (possessives.has(w)) return "your";
  if (w.length <= 2) return w;

  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:[sxz]|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith("eed")) {
    if (w.length > 4) w = w.slice(0, -1);
  } else if (w.endsWith("ing") && vowel.test(w.slice(0, -3)) && w.length > 5) {
    w = w.slice(0, -3);
  } else if (w.endsWith("ed") && vowel.test(w.slice(0, -2)) && w.length > 4) {
    w = w.slice(0, -2);
  }

  if (doubledConsonant.test(w)) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 2) w = w.slice(0, -1);
  return w;
}
