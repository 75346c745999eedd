import { phraseKey } from "./match-phrases";

/** A term's anchor on the glossary page: "Ingestion rule" → "ingestion-rule". */
export function termAnchor(term: string) {
  return (
    term
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "term"
  );
}

/** The id of a term on /glossary, unique across products. */
export function glossaryAnchor({ productSlug, anchor }: { productSlug: string; anchor: string }) {
  return `${productSlug}-${anchor}`;
}

export function glossaryUrl({ productSlug, anchor }: { productSlug: string; anchor: string }) {
  return `/glossary#${glossaryAnchor({ productSlug, anchor })}`;
}

type Named = { term: string; anchor: string };

/**
 * The term an author means by `<Term>` text or `<Term id>`: the id is an anchor; text matches a term
 * ignoring case and inflection, so `<Term>ingestion rules</Term>` finds "Ingestion rule".
 */
export function findTerm<T extends Named>({
  terms,
  id,
  text,
}: {
  terms: readonly T[];
  id?: string;
  text?: string;
}): T | null {
  if (id) return terms.find((t) => t.anchor === id.trim().toLowerCase()) ?? null;
  const key = text ? phraseKey(text) : "";
  if (!key) return null;
  return terms.find((t) => phraseKey(t.term) === key) ?? null;
}
