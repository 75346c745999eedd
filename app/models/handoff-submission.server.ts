import type { User } from "#db/schema";
import { requireProduct } from "~/content/content.server";
import type { Product } from "~/content/types";
import {
  formValuesOf,
  handoffFormFields,
  handoffFormSchema,
  toHandoffInput,
  type HandoffFormValues,
} from "./handoff-form";
import { reviewHandoffWording, type WordingReview } from "./handoff-wording";
import { frictionPointsOf } from "./handoff-journey";
import { fileHandoff, listCsms } from "./handoff.server";
import { parseFormFields } from "~/utils/form.server";

export type HandoffSubmission =
  | { filed: string }
  | { status: 400 | 403; error: string; values: HandoffFormValues }
  | { status: 200; wording: WordingReview; values: HandoffFormValues };

/**
 * The handoff form, posted: filed, refused with the reason, or sent back once to replace the pitch
 * phrases its notes and promises use (the rep may then file it as it is).
 */
export async function submitHandoffForm({
  rep,
  form,
  supersedesId = null,
}: {
  rep: User;
  form: FormData;
  supersedesId?: string | null;
}): Promise<HandoffSubmission> {
  const fields = handoffFormFields(form);
  const values = formValuesOf(fields);
  const parsed = parseFormFields(handoffFormSchema, fields);
  if (!parsed.ok) return { status: 400, error: parsed.message, values };
  const product = await requireProduct({ productSlug: parsed.data.product });
  const input = toHandoffInput(parsed.data);
  if ("error" in input) return { status: 400, error: input.error, values };
  if (form.get("wording") !== "kept") {
    const wording = reviewHandoffWording({ product, input });
    if (wording.length) return { status: 200, wording, values };
  }
  const result = fileHandoff({ rep, product, input, supersedesId });
  if (!result.ok) return { status: result.status, error: result.message, values };
  return { filed: result.handoff.id };
}

/** What the form needs to offer for a product: CSMs, modules by week, friction points. */
export function getHandoffFormSetup({ product }: { product: Product }) {
  return {
    product: { slug: product.slug, name: product.name },
    csms: listCsms().map((c) => ({ id: c.id, name: c.name })),
    modules: product.modules.map((m) => ({ slug: m.slug, title: m.title, week: m.week })),
    friction: frictionPointsOf(product),
    hasGlossary: product.glossary.length > 0,
  };
}
