import { and, count, eq, gte, inArray, lt, min } from "drizzle-orm";
import { signInFailures } from "#db/schema";
import { getDb } from "./db.server";

// One IP can be a whole office behind NAT, so it gets a larger allowance than one email.
export const throttlePolicy = {
  maxFailuresPerEmail: 10,
  maxFailuresPerIp: 50,
  windowMs: 15 * 60_000,
};

function keysFor({ email, ip }: { email: string; ip: string | null }) {
  const keys = [
    { key: `email:${email.trim().toLowerCase()}`, max: throttlePolicy.maxFailuresPerEmail },
  ];
  if (ip) keys.push({ key: `ip:${ip}`, max: throttlePolicy.maxFailuresPerIp });
  return keys;
}

/** When sign-in is blocked for this email or IP, the time it may be tried again; otherwise null. */
export function getSignInBlockedUntil({
  email,
  ip,
  now = new Date(),
}: {
  email: string;
  ip: string | null;
  now?: Date;
}): Date | null {
  const since = new Date(now.getTime() - throttlePolicy.windowMs);
  let blockedUntil: Date | null = null;
  for (const { key, max } of keysFor({ email, ip })) {
    const row = getDb()
      .select({ failures: count(), oldest: min(signInFailures.at) })
      .from(signInFailures)
      .where(and(eq(signInFailures.key, key), gte(signInFailures.at, since)))
      .get();
    if (!row || row.failures < max || !row.oldest) continue;
    const until = new Date(row.oldest.getTime() + throttlePolicy.windowMs);
    if (!blockedUntil || until > blockedUntil) blockedUntil = until;
  }
  return blockedUntil;
}

export function recordSignInFailure({
  email,
  ip,
  now = new Date(),
}: {
  email: string;
  ip: string | null;
  now?: Date;
}) {
  const db = getDb();
  db.insert(signInFailures)
    .values(keysFor({ email, ip }).map(({ key }) => ({ key, at: now })))
    .run();
  db.delete(signInFailures)
    .where(lt(signInFailures.at, new Date(now.getTime() - throttlePolicy.windowMs)))
    .run();
}

export function clearSignInFailures({ email }: { email: string }) {
  getDb()
    .delete(signInFailures)
    .where(
      inArray(
        signInFailures.key,
        keysFor({ email, ip: null }).map(({ key }) => key),
      ),
    )
    .run();
}
