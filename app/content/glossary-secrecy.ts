import type { Diagnostic, GlossaryTerm, QuizKey } from "./types";

// Long enough to be a quiz's own wording rather than a shared product phrase.
const windowLength = 30;

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/gi, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/**
 * Glossary text is sent with every module page, before any quiz on it is answered, so a term that
 * repeats a knowledge check's explanation would give the answer away. Such terms are left out.
 */
export function withoutExplanationLeaks({
  terms,
  quizKeys,
  file,
}: {
  terms: readonly GlossaryTerm[];
  quizKeys: readonly QuizKey[];
  file: string;
}): { terms: GlossaryTerm[]; diagnostics: Diagnostic[] } {
  const explanations = quizKeys.map((key) => ({ id: key.id, text: plain(key.explanationHtml) }));
  const diagnostics: Diagnostic[] = [];
  const kept = terms.filter((term) => {
    const text = plain([term.term, term.definition, ...term.replaces].join(" "));
    for (let start = 0; start + windowLength <= text.length; start++) {
      const window = text.slice(start, start + windowLength);
      const leaked = explanations.find((e) => e.text.includes(window));
      if (leaked) {
        diagnostics.push({
          severity: "error",
          file,
          line: term.line ?? 1,
          message: `Term "${term.term}" repeats the explanation of quiz "${leaked.id}" ("${window}…"); glossary text reaches reps before they answer, so the term is left out until it is reworded`,
        });
        return false;
      }
    }
    return true;
  });
  return { terms: kept, diagnostics };
}
