import { matchPhrases, phraseKey } from "~/vocabulary/match-phrases";
import { findTerm } from "~/vocabulary/term-key";
import type { Diagnostic, GlossaryTerm } from "./types";

/** A marketing phrase some product's glossary lists, with the term that replaces it. */
export type ListedPhrase = {
  phrase: string;
  productSlug: string;
  productName: string;
  term: GlossaryTerm;
};

const termElement =
  /<Term\b((?:[^>"'{]|"[^"]*"|'[^']*'|\{[^}]*\})*?)(?:\/>|>([\s\S]*?)<\/Term\s*>)/g;
const idAttribute = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/;
// Code is shown as text, so a <Term> written inside it is not a use.
const codeSpans = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\S\n]*$|`[^`\n]+`/gm;

function positionOf(source: string, offset: number) {
  const before = source.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** The words a reader sees between <Term> and </Term>: tags and emphasis marks dropped. */
export function termText(inner: string) {
  return inner.replace(/<[^>]*>/g, " ").replace(/\{[^}]*\}/g, " ");
}

/**
 * What content:check says about one module file's words: a <Term> the product's glossary does not
 * define (it renders as plain text), and every marketing phrase a glossary lists (they belong in a
 * pitch's "instead of" column, never in the customer's own onboarding).
 */
export function glossaryUsageDiagnostics({
  file,
  source,
  productSlug,
  terms,
  phrases,
}: {
  file: string;
  source: string;
  productSlug: string;
  terms: readonly GlossaryTerm[];
  phrases: readonly ListedPhrase[];
}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const withoutCode = source.replace(codeSpans, (code) => code.replace(/[^\n]/g, " "));
  for (const element of withoutCode.matchAll(termElement)) {
    const attributes = element[1] ?? "";
    const idMatch = idAttribute.exec(attributes);
    const id = idMatch ? (idMatch[1] ?? idMatch[2] ?? idMatch[3]) : undefined;
    const text = termText(element[2] ?? "");
    if (findTerm({ terms, id, text })) continue;
    const named = id !== undefined ? `id="${id}"` : `"${text.trim().replace(/\s+/g, " ")}"`;
    diagnostics.push({
      severity: "warning",
      file,
      ...positionOf(source, element.index),
      message: `<Term> ${named} is not in this product's glossary.yml; it is shown as plain text`,
    });
  }

  // A product's own listing names its replacement; another product's still marks the phrase.
  const ordered = [...phrases].sort(
    (a, b) => Number(b.productSlug === productSlug) - Number(a.productSlug === productSlug),
  );
  const byKey = new Map<string, ListedPhrase>();
  for (const listed of ordered) {
    const key = phraseKey(listed.phrase);
    if (!byKey.has(key)) byKey.set(key, listed);
  }
  const matches = matchPhrases({ text: source, phrases: ordered.map((p) => p.phrase) });
  for (const match of matches) {
    const listed = byKey.get(match.key);
    if (!listed) continue;
    const written = source.slice(match.start, match.end).replace(/\s+/g, " ");
    const week = listed.term.module.week;
    const instead =
      listed.productSlug === productSlug
        ? `say "${listed.term.term}"${week !== null ? ` (week ${week})` : ""} instead`
        : `${listed.productName}'s glossary lists it as a marketing phrase`;
    diagnostics.push({
      severity: "warning",
      file,
      ...positionOf(source, match.start),
      message: `Uses the marketing phrase "${written}"; ${instead}`,
    });
  }
  return diagnostics;
}
