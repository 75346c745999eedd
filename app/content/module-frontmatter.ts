import { z } from "zod";
import type { Diagnostic } from "./types";
import { parseYamlSource } from "./yaml-source";

const text = z.union([z.string(), z.number()]).transform(String);

/** Journey metadata an author may put in a module's frontmatter. Every field is optional. */
export const moduleFrontmatterSchema = z
  .object({
    /** Page title; falls back to the first `#` heading, then the file name. */
    title: text.optional(),
    /** One or two sentences shown in module lists. */
    summary: text.optional(),
    /** Docs-framework spelling of `summary`, used when `summary` is absent. */
    description: text.optional(),
    /** Week of the onboarding journey the module belongs to (1 = first week). */
    week: z.number().int().min(0).optional(),
    /** Expected time to complete, in minutes. */
    duration: z.number().positive().optional(),
    /** Bumped by the author when a change should send reps back through the module. */
    revision: z.number().int().min(1).optional(),
    /** Known sticking points customers hit in this module, in the customer's words. */
    friction: z.array(z.string()).optional(),
  })
  // Docs frameworks add their own keys (sidebarTitle, sidebar_label, icon, slug, id, keywords…): keep them.
  .passthrough();

export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema>;

/** Splits the leading `---` block off a module source; `fatal` when the YAML cannot be read at all. */
export function readModuleFrontmatter({ source, file }: { source: string; file: string }) {
  const diagnostics: Diagnostic[] = [];
  const invalidKeys: string[] = [];
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") {
    return { data: {} as ModuleFrontmatter, diagnostics, fatal: false, invalidKeys };
  }
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end === -1) return { data: {} as ModuleFrontmatter, diagnostics, fatal: false, invalidKeys };

  const yaml = parseYamlSource({ text: lines.slice(1, end).join("\n"), firstLine: 2 });
  if (yaml.errors.length) {
    for (const error of yaml.errors) {
      diagnostics.push({
        severity: "error",
        file,
        line: error.line,
        column: error.column,
        message: `Frontmatter is not valid YAML: ${error.message}`,
      });
    }
    return { data: {} as ModuleFrontmatter, diagnostics, fatal: true, invalidKeys };
  }

  const raw: unknown = yaml.doc.toJS() ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    diagnostics.push({
      severity: "error",
      file,
      line: 2,
      message: "Frontmatter must be a map of keys to values",
    });
    return { data: {} as ModuleFrontmatter, diagnostics, fatal: false, invalidKeys };
  }

  const values: Record<string, unknown> = { ...raw };
  let result = moduleFrontmatterSchema.safeParse(values);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      diagnostics.push({
        severity: "error",
        file,
        line: yaml.lineOf(issue.path) ?? 1,
        message: `Frontmatter \`${issue.path.join(".")}\`: ${issue.message}`,
      });
      if (typeof key === "string") {
        invalidKeys.push(key);
        delete values[key];
      }
    }
    result = moduleFrontmatterSchema.safeParse(values);
  }
  return {
    data: result.success ? result.data : ({} as ModuleFrontmatter),
    diagnostics,
    fatal: false,
    invalidKeys,
  };
}
