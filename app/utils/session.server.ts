import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { eq, sql } from "drizzle-orm";
import { sessions, users, type Session, type User } from "#db/schema";
import { getDb } from "./db.server";
import { preparedQuery } from "./prepared-query.server";
import { hashTokenSecret, randomToken } from "./secret-token.server";

// Following Lucia's session guide: a token is "<id>.<secret>"; only sha256(secret) is stored.
const minute = 60_000;
const day = 24 * 60 * minute;
export const sessionPolicy = {
  inactivityTimeout: 7 * day,
  absoluteLifetime: 30 * day,
  /** How often lastVerifiedAt is written, so validating does not write on every request. */
  activityCheckInterval: 60 * minute,
};

export type SessionWithToken = Session & { token: string };
// Every request validates its session: built and compiled once.
const sessionWithUser = preparedQuery((db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare(),
);

/** `extended`: this validation slid the session on, so its cookie should be sent again. */
export type ValidSession = { session: Session; user: User; extended: boolean };

export function createSession({
  userId,
  now = new Date(),
}: {
  userId: string;
  now?: Date;
}): SessionWithToken {
  const id = randomToken(15); // 120 bits
  const secret = randomToken(20); // 160 bits
  const session = {
    id,
    secretHash: hashTokenSecret(secret),
    userId,
    createdAt: now,
    lastVerifiedAt: now,
  };
  getDb().insert(sessions).values(session).run();
  return { ...session, token: `${id}.${secret}` };
}

export function validateSessionToken({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): ValidSession | null {
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length > 0) return null;
  const row = sessionWithUser().get({ id });
  if (!row) return null;
  if (!constantTimeEqual(hashTokenSecret(secret), row.session.secretHash)) return null;

  const t = now.getTime();
  const expired =
    t - row.session.lastVerifiedAt.getTime() >= sessionPolicy.inactivityTimeout ||
    t - row.session.createdAt.getTime() >= sessionPolicy.absoluteLifetime;
  if (expired || row.user.disabled) {
    invalidateSession({ sessionId: id });
    return null;
  }
  if (t - row.session.lastVerifiedAt.getTime() < sessionPolicy.activityCheckInterval) {
    return { ...row, extended: false };
  }
  try {
    getDb().update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, id)).run();
  } catch (error) {
    // Sliding the session on is a courtesy: a database that cannot take writes must not turn every
    // page into a 503. The session stays valid until its current expiry.
    if (error instanceof Response && error.status === 503) return { ...row, extended: false };
    throw error;
  }
  row.session.lastVerifiedAt = now;
  return { ...row, extended: true };
}

/** When the session ends unless it is used again: inactivity, capped by the absolute lifetime. */
export function getSessionExpiresAt(session: Session): Date {
  return new Date(
    Math.min(
      session.lastVerifiedAt.getTime() + sessionPolicy.inactivityTimeout,
      session.createdAt.getTime() + sessionPolicy.absoluteLifetime,
    ),
  );
}

export function invalidateSession({ sessionId }: { sessionId: string }) {
  getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateUserSessions({ userId }: { userId: string }) {
  getDb().delete(sessions).where(eq(sessions.userId, userId)).run();
}
