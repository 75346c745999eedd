import type { z } from "zod";
import { readBodyWithin } from "./request-body.server";

const formTypes = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

function refuse(message: string, status: number): never {
  throw new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * The posted form, or a thrown 4xx a person can read: any other body (JSON, text, a broken
 * multipart) would otherwise surface as a 500 from `request.formData()`.
 */
export async function requireFormData(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!formTypes.test(type)) {
    refuse("Send this as a form (application/x-www-form-urlencoded or multipart/form-data).", 415);
  }
  const body = await readBodyWithin(request);
  if (body === "too large") refuse("That request is too large.", 413);
  const form =
    body !== "unreadable" &&
    (await new Response(body, { headers: { "Content-Type": type } })
      .formData()
      .catch(() => undefined));
  if (!form) refuse("That form could not be read. Reload the page and try again.", 400);
  return form;
}

/** One value per field name; a repeated field stays an array, so a schema expecting text refuses it. */
export function formFields(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    fields[key] = values.length === 1 ? values[0] : values;
  }
  return fields;
}

export type FormParse<T> = { ok: true; data: T } | { ok: false; message: string };

/** Validates form fields with a schema; the message names the field when its type is wrong. */
export function parseFormFields<T extends z.ZodTypeAny>(
  schema: T,
  fields: Record<string, unknown>,
): FormParse<z.output<T>> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue.path.join(".");
  const message =
    issue.code === "invalid_union_discriminator"
      ? "Unknown action."
      : issue.code === "invalid_type" && field
        ? issue.received === "undefined"
          ? `The form is missing “${field}”.`
          : `“${field}” must be a single text value.`
        : issue.message;
  return { ok: false, message };
}
