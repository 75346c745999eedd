import { z } from "zod";

// Control characters break layouts and logs; bidi overrides and isolates make a name read as
// something else ("Trojan Source"), so neither belongs in a name people see.
const unsafeCharacters = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** A name shown to other people: trimmed, NFC, printable, without direction overrides. */
export function displayName({ label, max }: { label: string; max: number }) {
  return z
    .string()
    .transform((value) => value.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, `Enter ${label}.`)
        .max(max, `Keep ${label} under ${max + 1} characters.`)
        .refine((value) => !unsafeCharacters.test(value), {
          message: `${label[0].toUpperCase()}${label.slice(1)} contains control or text-direction characters.`,
        }),
    );
}
