import { z } from "zod";
import type { HandoffInput } from "./handoff.server";

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

export const handoffFormSchema = z.object({
  product: z.string().min(1, "Choose a product."),
  accountName: z
    .string()
    .trim()
    .min(1, "Enter the customer's account name.")
    .max(200, "Keep the account name under 200 characters."),
  csmId: z.string().min(1, "Choose a customer success manager."),
  goLiveTarget: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the go-live target as a date.")
    .refine(isRealDate, "Enter the go-live target as a real date."),
  notes: z.string().max(5000, "Keep the notes under 5,000 characters.").default(""),
  promiseText: z.array(z.string().max(500, "Keep each promise under 500 characters.")),
  promiseModule: z.array(z.string()),
  friction: z.record(
    z.enum(["told", "not_discussed"], {
      errorMap: () => ({ message: "Mark each friction point “told” or “not discussed”." }),
    }),
  ),
});

/** The form's fields as the schema reads them: repeated promise rows, one radio per friction point. */
export function handoffFormFields(form: FormData): Record<string, unknown> {
  const friction: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("friction:")) friction[key.slice("friction:".length)] = value;
  }
  const one = (name: string) => {
    const values = form.getAll(name);
    return values.length === 1 ? values[0] : values.length ? values : undefined;
  };
  return {
    product: one("product"),
    accountName: one("accountName"),
    csmId: one("csmId"),
    goLiveTarget: one("goLiveTarget"),
    notes: one("notes"),
    promiseText: form.getAll("promiseText"),
    promiseModule: form.getAll("promiseModule"),
    friction,
  };
}

export type HandoffForm = z.output<typeof handoffFormSchema>;

/** Rows left blank are dropped; a promise with text needs a module. */
export function toHandoffInput(form: HandoffForm): HandoffInput | { error: string } {
  const promises: HandoffInput["promises"] = [];
  for (let i = 0; i < form.promiseText.length; i++) {
    const text = form.promiseText[i].trim();
    const moduleSlug = form.promiseModule[i] ?? "";
    if (!text) continue;
    if (!moduleSlug)
      return { error: `“${text}”: choose the module where the customer will see it.` };
    promises.push({ text, moduleSlug });
  }
  return {
    accountName: form.accountName,
    csmId: form.csmId,
    goLiveTarget: form.goLiveTarget,
    notes: form.notes.trim(),
    promises,
    friction: Object.fromEntries(
      Object.entries(form.friction).map(([key, value]) => [key, value === "told"]),
    ),
  };
}

/** What the form shows again: after a refusal, or an existing handoff being edited. */
export type HandoffFormValues = {
  accountName: string;
  csmId: string;
  goLiveTarget: string;
  notes: string;
  promises: { text: string; moduleSlug: string }[];
  friction: Record<string, "told" | "not_discussed">;
};

const text = (value: unknown) => (typeof value === "string" ? value : "");
const texts = (value: unknown) => (Array.isArray(value) ? value.map(text) : [text(value)]);

/** The submitted fields as they were typed, whatever was wrong with them. */
export function formValuesOf(fields: Record<string, unknown>): HandoffFormValues {
  const moduleSlugs = texts(fields.promiseModule);
  const friction = (fields.friction ?? {}) as Record<string, unknown>;
  return {
    accountName: text(fields.accountName),
    csmId: text(fields.csmId),
    goLiveTarget: text(fields.goLiveTarget),
    notes: text(fields.notes),
    promises: texts(fields.promiseText).map((t, i) => ({
      text: t,
      moduleSlug: moduleSlugs[i] ?? "",
    })),
    friction: Object.fromEntries(
      Object.entries(friction).flatMap(([key, value]) =>
        value === "told" || value === "not_discussed" ? [[key, value]] : [],
      ),
    ),
  };
}

/**
 * An existing handoff as the form's starting point. Friction is matched by module and text, so a
 * point the module has since dropped is left out and a new one starts unanswered.
 */
export function formValuesOfHandoff({
  handoff,
  promises,
  friction,
  points,
}: {
  handoff: { accountName: string; csmId: string; goLiveTarget: string; notes: string };
  promises: { text: string; moduleSlug: string }[];
  friction: { moduleSlug: string; text: string; told: boolean }[];
  points: { key: string; moduleSlug: string; text: string }[];
}): HandoffFormValues {
  const answers: HandoffFormValues["friction"] = {};
  for (const point of points) {
    const kept = friction.find((f) => f.moduleSlug === point.moduleSlug && f.text === point.text);
    if (kept) answers[point.key] = kept.told ? "told" : "not_discussed";
  }
  return {
    accountName: handoff.accountName,
    csmId: handoff.csmId,
    goLiveTarget: handoff.goLiveTarget,
    notes: handoff.notes,
    promises: promises.map((p) => ({ text: p.text, moduleSlug: p.moduleSlug })),
    friction: answers,
  };
}
