import {
  findVocabulary,
  type GlossarySource,
  type VocabularyMatch,
} from "~/vocabulary/find-vocabulary";
import type { HandoffInput } from "./handoff.server";

export type WordingReview = { label: string; text: string; matches: VocabularyMatch[] }[];

/**
 * The handoff's free text (notes and promises) checked against the product's glossary: what the
 * CSM reads should use the words the customer will meet, not the pitch's.
 */
export function reviewHandoffWording({
  product,
  input,
}: {
  product: GlossarySource;
  input: Pick<HandoffInput, "notes" | "promises">;
}): WordingReview {
  const texts = [
    ...input.promises.map((p, i) => ({ label: `Promise ${i + 1}`, text: p.text })),
    { label: "Notes for the CSM", text: input.notes },
  ];
  return texts
    .map(({ label, text }) => ({
      label,
      text,
      matches: findVocabulary({ text, products: [product] }),
    }))
    .filter((field) => field.matches.length > 0);
}
