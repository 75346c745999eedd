import fs from "node:fs";
import path from "node:path";
import { parseGlossary } from "./parse-glossary";
import type { ModuleSummary } from "./types";

export const glossaryFileName = "glossary.yml";

/** A product's glossary.yml, checked against its modules; a product without one has no terms. */
export function readGlossary({
  productDir,
  modules,
}: {
  productDir: string;
  modules: readonly ModuleSummary[];
}) {
  const file = path.join(productDir, glossaryFileName);
  if (!fs.existsSync(file)) return { terms: [], diagnostics: [] };
  return parseGlossary({ text: fs.readFileSync(file, "utf8"), file, modules });
}
