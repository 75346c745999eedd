import type { GlossaryTerm } from "~/content/types";

/** What a `<Term>` on a module page needs to show one term: small enough to send with the page. */
export type GlossaryTip = {
  term: string;
  anchor: string;
  definition: string;
  week: number | null;
  moduleTitle: string;
};

export type ProductGlossaryTips = { productSlug: string; terms: GlossaryTip[] };

export function glossaryTips({
  slug,
  glossary,
}: {
  slug: string;
  glossary: readonly GlossaryTerm[];
}): ProductGlossaryTips {
  return {
    productSlug: slug,
    terms: glossary.map((t) => ({
      term: t.term,
      anchor: t.anchor,
      definition: t.definition,
      week: t.module.week,
      moduleTitle: t.module.title,
    })),
  };
}
