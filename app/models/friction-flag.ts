import YAML from "yaml";
import { z } from "zod";
import type { TocHeading } from "~/content/types";

/** The page's own title heading: a flag about the module as a whole anchors there. */
export const wholeModuleHeadingId = "module-title";

export type FrictionAnchor = { id: string; text: string };

/** The headings a flag may name, in page order: the module title first, then its h2/h3 headings. */
export function frictionAnchors({
  title,
  headings,
}: {
  title: string;
  headings: TocHeading[];
}): FrictionAnchor[] {
  return [
    { id: wholeModuleHeadingId, text: title },
    ...headings.map((h) => ({ id: h.id, text: h.text })),
  ];
}

export const frictionNoteMax = 1000;
export const frictionReplyMax = 2000;

// Newlines and tabs are fine in a note; other control characters and direction overrides make the
// text read differently in the inbox than it was written.
const unsafeCharacters = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const allowedControls = /[\n\t]/g;
const hasUnsafeCharacters = (value: string) =>
  unsafeCharacters.test(value.replace(allowedControls, " "));

function longText({ label, max, empty }: { label: string; max: number; empty: string }) {
  return z
    .string({ invalid_type_error: `“${label}” must be a single text value.` })
    .transform((value) => value.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, empty)
        .max(max, `Keep the ${label} under ${(max + 1).toLocaleString("en")} characters.`)
        .refine((value) => !hasUnsafeCharacters(value), {
          message: `The ${label} contains control or text-direction characters.`,
        }),
    );
}

export const frictionNoteSchema = longText({
  label: "note",
  max: frictionNoteMax,
  empty: "Say what was confusing or missing.",
});

export const frictionReplySchema = longText({
  label: "reply",
  max: frictionReplyMax,
  empty: "Write a reply.",
});

/** The flag form of one module page: the heading must be one of that page's anchors (by id or text). */
export function frictionFlagSchema(anchors: FrictionAnchor[]) {
  return z.object({
    intent: z.literal("flag-friction"),
    note: frictionNoteSchema,
    heading: z
      .string({ invalid_type_error: "“heading” must be a single text value." })
      .transform((value, ctx) => {
        const wanted = value.trim();
        const anchor =
          anchors.find((a) => a.id === wanted) ??
          anchors.find((a) => a.text.toLowerCase() === wanted.toLowerCase());
        if (!anchor) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: "Choose a heading of this module.",
          });
          return z.NEVER;
        }
        return anchor;
      }),
  });
}

/**
 * The line to add under `friction:` in the module's frontmatter: one line, quoted only when YAML
 * needs it. `hasList` says whether the module already has a `friction:` key.
 */
export function frictionYamlLines({ note, hasList }: { note: string; hasList: boolean }) {
  const oneLine = note.replace(/\s+/g, " ").trim();
  const item = YAML.stringify([oneLine], { lineWidth: 0 }).trimEnd();
  const indented = `  ${item}`;
  return hasList ? indented : `friction:\n${indented}`;
}

export type FrictionCount = {
  productSlug: string;
  moduleSlug: string;
  open: number;
  resolved: number;
};

/** Per-module counts, summed per product. */
export function countsByProduct(counts: FrictionCount[]) {
  const byProduct = new Map<string, { productSlug: string; open: number; resolved: number }>();
  for (const c of counts) {
    const total = byProduct.get(c.productSlug) ?? {
      productSlug: c.productSlug,
      open: 0,
      resolved: 0,
    };
    total.open += c.open;
    total.resolved += c.resolved;
    byProduct.set(c.productSlug, total);
  }
  return [...byProduct.values()];
}
