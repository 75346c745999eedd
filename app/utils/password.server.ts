import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// OWASP's minimum for argon2id; @node-rs/argon2 defaults to the argon2id variant.
const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export const passwordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters.")
  .max(128, "Password must be at most 128 characters.");

export function hashPassword(password: string): Promise<string> {
  return hash(passwordSchema.parse(password), argon2Options);
}

export async function verifyPassword({
  hash: stored,
  password,
}: {
  hash: string;
  password: string;
}): Promise<boolean> {
  if (password.length > 128) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A readable one-time password: 4 groups of 5 lower-case letters and digits (~100 bits). */
export function generateOneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}
