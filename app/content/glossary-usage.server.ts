import fs from "node:fs";
import path from "node:path";
import type { BuiltProduct } from "./build-product.server";
import { listProductFiles } from "./discover.server";
import { glossaryUsageDiagnostics, type ListedPhrase } from "./glossary-usage";
import { hasModuleExtension } from "./module-path";

/** Every marketing phrase listed in any product's glossary. */
export function listedPhrases(products: readonly BuiltProduct[]): ListedPhrase[] {
  return products.flatMap((product) =>
    product.glossary.flatMap((term) =>
      term.replaces.map((phrase) => ({
        phrase,
        productSlug: product.slug,
        productName: product.name,
        term,
      })),
    ),
  );
}

/** Glossary findings in every module and include of a product (includes are module text too). */
export function glossaryUsageOfProduct({
  product,
  phrases,
}: {
  product: BuiltProduct;
  phrases: readonly ListedPhrase[];
}) {
  return listProductFiles(product.dir)
    .filter((file) => hasModuleExtension(file.relativePath))
    .flatMap((entry) => {
      const file = path.join(product.dir, entry.relativePath);
      return glossaryUsageDiagnostics({
        file,
        source: fs.readFileSync(file, "utf8"),
        productSlug: product.slug,
        terms: product.glossary,
        phrases,
      });
    });
}
