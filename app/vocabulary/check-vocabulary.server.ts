import { loadCatalog } from "~/content/content.server";
import { findVocabulary } from "./find-vocabulary";

/** Marketing phrases in `text` with their product terms; `productSlug` limits it to one product's glossary. */
export async function checkVocabulary({
  text,
  productSlug,
}: {
  text: string;
  productSlug?: string;
}) {
  const products = await loadCatalog();
  const chosen = productSlug ? products.filter((p) => p.slug === productSlug) : products;
  return findVocabulary({ text, products: chosen });
}

/** Products that have a glossary, for choosing which one a text is checked against. */
export async function listGlossaryProducts() {
  return (await loadCatalog())
    .filter((p) => p.glossary.length > 0)
    .map((p) => ({ slug: p.slug, name: p.name }));
}
