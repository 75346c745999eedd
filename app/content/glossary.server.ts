import fs from "node:fs";
import path from "node:path";
import { withoutExplanationLeaks } from "./glossary-secrecy";
import { parseGlossary } from "./parse-glossary";
import type { ModuleSummary, QuizKey } from "./types";

export const glossaryFileName = "glossary.yml";

/**
 * A product's glossary.yml, checked against its modules and their knowledge checks; a product
 * without one has no terms.
 */
export function readGlossary({
  productDir,
  modules,
  quizKeys,
}: {
  productDir: string;
  modules: readonly ModuleSummary[];
  quizKeys: readonly QuizKey[];
}) {
  const file = path.join(productDir, glossaryFileName);
  if (!fs.existsSync(file)) return { terms: [], diagnostics: [] };
  const parsed = parseGlossary({ text: fs.readFileSync(file, "utf8"), file, modules });
  const checked = withoutExplanationLeaks({ terms: parsed.terms, quizKeys, file });
  return { terms: checked.terms, diagnostics: [...parsed.diagnostics, ...checked.diagnostics] };
}
