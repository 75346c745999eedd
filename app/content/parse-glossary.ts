import { z } from "zod";
import { phraseKey } from "~/vocabulary/match-phrases";
import { termAnchor } from "~/vocabulary/term-key";
import type { Diagnostic, GlossaryTerm, ModuleSummary } from "./types";
import { parseYamlSource } from "./yaml-source";

/** One glossary.yml entry, as an author writes it. */
export const glossaryEntrySchema = z
  .object({
    /** The product's own words, as the customer will hear them in onboarding. */
    term: z.string().trim().min(1).max(120),
    /** What it is, in a sentence or two a rep can say out loud. */
    definition: z.string().trim().min(1).max(2000),
    /** Slug of the module where the customer meets it (its week comes from that module). */
    module: z.string().trim().min(1).max(300),
    /** Marketing phrases this term replaces. */
    replaces: z.array(z.string().trim().min(1).max(200)).default([]),
  })
  .strict();

const fileSchema = z.object({ terms: z.array(z.unknown()) }).strict();

type ModuleRef = Pick<ModuleSummary, "slug" | "title" | "week">;

/**
 * Reads a glossary.yml text. Each entry is checked on its own, so one mistake drops that entry (with
 * an error naming its line) and the rest of the glossary still serves.
 */
export function parseGlossary({
  text,
  file,
  modules,
}: {
  text: string;
  file: string;
  modules: readonly ModuleRef[];
}): { terms: GlossaryTerm[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (message: string, line: number | undefined) =>
    diagnostics.push({ severity: "error", file, line: line ?? 1, message });

  const yaml = parseYamlSource({ text });
  if (yaml.errors.length) {
    for (const e of yaml.errors)
      diagnostics.push({
        severity: "error",
        file,
        line: e.line,
        column: e.column,
        message: `glossary.yml is not valid YAML: ${e.message}`,
      });
    return { terms: [], diagnostics };
  }
  const shape = fileSchema.safeParse(yaml.doc.toJS() ?? {});
  if (!shape.success) {
    const issue = shape.error.issues[0];
    error(
      `glossary.yml must be a map with a \`terms:\` list (${issue.path.join(".") || "top level"}: ${issue.message})`,
      yaml.lineOf(issue.path),
    );
    return { terms: [], diagnostics };
  }

  const bySlug = new Map(modules.map((m) => [m.slug, m]));
  const anchors = new Map<string, { term: string; line: number | undefined }>();
  const phrases = new Map<string, { phrase: string; term: string }>();
  const terms: GlossaryTerm[] = [];
  shape.data.terms.forEach((raw, index) => {
    const lineOf = (...path: (string | number)[]) => yaml.lineOf(["terms", index, ...path]);
    const parsed = glossaryEntrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = ["terms", index, ...issue.path].join(".");
        const message =
          issue.code === "unrecognized_keys"
            ? `unknown key ${issue.keys.map((k) => `\`${k}\``).join(", ")} (a term has term, definition, module and replaces)`
            : issue.message;
        error(
          `glossary.yml \`${where}\`: ${message}; this term is left out`,
          lineOf(...issue.path),
        );
      }
      return;
    }
    const entry = parsed.data;
    const line = lineOf();
    const anchor = termAnchor(entry.term);
    const first = anchors.get(anchor);
    if (first) {
      error(
        `Term "${entry.term}" is already defined as "${first.term}" (line ${first.line}); terms are unique within a product, ignoring case`,
        lineOf("term"),
      );
      return;
    }
    const module = bySlug.get(entry.module);
    if (!module) {
      const known = modules.map((m) => m.slug);
      error(
        `Term "${entry.term}": no module "${entry.module}" in this product${known.length ? ` (modules: ${known.join(", ")})` : ""}; this term is left out`,
        lineOf("module"),
      );
      return;
    }
    anchors.set(anchor, { term: entry.term, line });

    const replaces: string[] = [];
    entry.replaces.forEach((phrase, phraseIndex) => {
      const key = phraseKey(phrase);
      const listed = phrases.get(key);
      if (!key) error(`Phrase "${phrase}" has no words to match`, lineOf("replaces", phraseIndex));
      else if (listed)
        error(
          `Phrase "${phrase}" is already listed under "${listed.term}" ("${listed.phrase}"); a phrase can replace only one term per product`,
          lineOf("replaces", phraseIndex),
        );
      else {
        phrases.set(key, { phrase, term: entry.term });
        replaces.push(phrase);
      }
    });
    terms.push({
      term: entry.term,
      anchor,
      definition: entry.definition,
      module: { slug: module.slug, title: module.title, week: module.week },
      replaces,
      line,
    });
  });
  return { terms, diagnostics };
}
