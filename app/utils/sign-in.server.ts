import { getUserByEmail } from "~/models/user.server";
import type { User } from "#db/schema";
import { hashPassword, verifyPassword } from "./password.server";
import { createSession } from "./session.server";
import { clearSignInFailures, getSignInBlockedUntil, recordSignInFailure } from "./throttle.server";

export type SignInResult =
  | { ok: true; user: User; token: string }
  | { ok: false; status: 401 | 403 | 429; message: string; retryAt?: Date };

// Verifying against a real hash when the email is unknown keeps the response time the same,
// so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;

export async function signIn({
  email,
  password,
  ip,
}: {
  email: string;
  password: string;
  ip: string | null;
}): Promise<SignInResult> {
  const blockedUntil = getSignInBlockedUntil({ email, ip });
  if (blockedUntil) {
    const time = blockedUntil.toISOString().slice(11, 16);
    return {
      ok: false,
      status: 429,
      retryAt: blockedUntil,
      message: `Too many failed sign-in attempts. Try again after ${time} UTC.`,
    };
  }
  const user = getUserByEmail({ email });
  decoyHash ??= hashPassword("decoy-password-never-used");
  const valid = await verifyPassword({ hash: user?.passwordHash ?? (await decoyHash), password });
  if (!user || !valid) {
    recordSignInFailure({ email, ip });
    return { ok: false, status: 401, message: "That email and password do not match an account." };
  }
  if (user.disabled) {
    return {
      ok: false,
      status: 403,
      message: "This account has been disabled. Ask your Firsthand admin to re-enable it.",
    };
  }
  clearSignInFailures({ email });
  return { ok: true, user, token: createSession({ userId: user.id }).token };
}
