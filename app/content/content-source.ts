import path from "node:path";
import YAML from "yaml";
import { z } from "zod";

/** `source:` in product.yml: where the product's docs live in git. */
export const contentSourceSchema = z
  .object({
    /** A clone URL or a local path (a bare repository is fine). */
    repo: z.string().trim().min(1, "name the repository"),
    /** A branch, tag or commit. */
    ref: z
      .string()
      .trim()
      .min(1)
      .regex(/^[^-\s][^\s]*$/, "a ref cannot start with '-' or hold spaces")
      .default("main"),
    /** The folder inside the repository to copy into the product folder. */
    path: z
      .string()
      .trim()
      .default(".")
      .refine(
        (p) => !path.isAbsolute(p) && !p.split(/[\\/]/).includes(".."),
        "the path must stay inside the repository",
      ),
  })
  .strict();

export type ContentSource = z.infer<typeof contentSourceSchema>;

/** The product's `source:`, null when it has none, or the reason it cannot be used. */
export function parseContentSource(
  productYml: string,
): { ok: true; source: ContentSource | null } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = YAML.parse(productYml);
  } catch (error) {
    return { ok: false, message: `product.yml is not valid YAML: ${String(error)}` };
  }
  const value =
    raw && typeof raw === "object" && "source" in raw ? (raw as { source: unknown }).source : null;
  if (value === null || value === undefined) return { ok: true, source: null };
  const parsed = contentSourceSchema.safeParse(value);
  if (parsed.success) return { ok: true, source: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `product.yml \`source.${issue.path.join(".")}\`: ${issue.message}` };
}
