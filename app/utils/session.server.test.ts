import { eq } from "drizzle-orm";
import { sessions } from "#db/schema";
import { setUserDisabled } from "~/models/user.server";
import { makeUser } from "../../tests/setup/factories";
import { getDb } from "./db.server";
import { readSessionToken, serializeSessionCookie } from "./session-cookie.server";
import {
  createSession,
  getSessionExpiresAt,
  invalidateSession,
  invalidateUserSessions,
  sessionPolicy,
  validateSessionToken,
} from "./session.server";

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
const hour = 3_600_000;
const day = 24 * hour;

test("a new session validates and returns its user", async () => {
  const user = await makeUser();
  const { token } = createSession({ userId: user.id, now: at(0) });
  expect(validateSessionToken({ token, now: at(1000) })?.user.id).toBe(user.id);
});

test("the token carries at least 120 bits of randomness per part and differs every time", async () => {
  const user = await makeUser();
  const a = createSession({ userId: user.id }).token;
  const b = createSession({ userId: user.id }).token;
  expect(a).not.toBe(b);
  const [id, secret] = a.split(".");
  // base32: 5 bits per character
  expect(id.length * 5).toBeGreaterThanOrEqual(120);
  expect(secret.length * 5).toBeGreaterThanOrEqual(120);
});

test("the database stores only a hash of the secret, never the token", async () => {
  const user = await makeUser();
  const { token, id } = createSession({ userId: user.id });
  const row = getDb().select().from(sessions).where(eq(sessions.id, id)).get();
  const secret = token.split(".")[1];
  expect(row?.secretHash.length).toBe(32);
  const dump = JSON.stringify(getDb().$client.prepare("select * from sessions").all());
  expect(dump).not.toContain(secret);
  expect(Buffer.from(row!.secretHash).toString("utf8")).not.toContain(secret);
});

test("a token with a wrong secret is rejected", async () => {
  const user = await makeUser();
  const { id } = createSession({ userId: user.id });
  expect(validateSessionToken({ token: `${id}.${"a".repeat(32)}` })).toBeNull();
  expect(validateSessionToken({ token: "garbage" })).toBeNull();
  expect(validateSessionToken({ token: `${id}.x.y` })).toBeNull();
});

test("a session expires after the inactivity timeout", async () => {
  const user = await makeUser();
  const { token } = createSession({ userId: user.id, now: at(0) });
  expect(validateSessionToken({ token, now: at(sessionPolicy.inactivityTimeout) })).toBeNull();
  // and it is gone for good
  expect(validateSessionToken({ token, now: at(1) })).toBeNull();
});

test("activity slides the inactivity window but not the absolute lifetime", async () => {
  const user = await makeUser();
  const { token } = createSession({ userId: user.id, now: at(0) });
  let t = 0;
  while (t + 6 * day < sessionPolicy.absoluteLifetime) {
    t += 6 * day;
    expect(validateSessionToken({ token, now: at(t) })).not.toBeNull();
  }
  expect(t).toBeGreaterThan(sessionPolicy.inactivityTimeout);
  expect(validateSessionToken({ token, now: at(sessionPolicy.absoluteLifetime) })).toBeNull();
});

test("validating within the activity interval does not write", async () => {
  const user = await makeUser();
  const { token, id } = createSession({ userId: user.id, now: at(0) });
  validateSessionToken({ token, now: at(hour / 2) });
  const row = getDb().select().from(sessions).where(eq(sessions.id, id)).get();
  expect(row?.lastVerifiedAt.getTime()).toBe(at(0).getTime());
  validateSessionToken({ token, now: at(2 * hour) });
  const later = getDb().select().from(sessions).where(eq(sessions.id, id)).get();
  expect(later?.lastVerifiedAt.getTime()).toBe(at(2 * hour).getTime());
});

test("invalidating a session ends it; invalidating a user ends all of theirs", async () => {
  const user = await makeUser();
  const one = createSession({ userId: user.id });
  const two = createSession({ userId: user.id });
  const three = createSession({ userId: user.id });
  invalidateSession({ sessionId: one.id });
  expect(validateSessionToken({ token: one.token })).toBeNull();
  expect(validateSessionToken({ token: two.token })).not.toBeNull();
  invalidateUserSessions({ userId: user.id });
  expect(validateSessionToken({ token: two.token })).toBeNull();
  expect(validateSessionToken({ token: three.token })).toBeNull();
});

test("disabling a user ends their open sessions", async () => {
  const user = await makeUser();
  const { token } = createSession({ userId: user.id });
  setUserDisabled({ id: user.id, disabled: true });
  expect(validateSessionToken({ token })).toBeNull();
});

test("the cookie holds only the opaque token, with safe attributes", async () => {
  const user = await makeUser();
  const { token } = createSession({ userId: user.id });
  const cookie = serializeSessionCookie(token);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  expect(cookie).toMatch(/Path=\//);
  expect(cookie).not.toContain(user.id);
  expect(cookie).not.toContain(user.email);
  const request = new Request("http://x/", { headers: { Cookie: `a=1; ${cookie.split(";")[0]}` } });
  expect(readSessionToken(request)).toBe(token);
});

test("a session lives until one millisecond before the inactivity timeout", async () => {
  const user = await makeUser();
  const { token } = createSession({ userId: user.id, now: at(0) });
  expect(
    validateSessionToken({ token, now: at(sessionPolicy.inactivityTimeout - 1) }),
  ).not.toBeNull();
});

test("validation says when it slid the session on, at most once per activity interval", async () => {
  const user = await makeUser();
  const { token } = createSession({ userId: user.id, now: at(0) });
  expect(validateSessionToken({ token, now: at(hour / 2) })?.extended).toBe(false);
  expect(validateSessionToken({ token, now: at(hour) })?.extended).toBe(true);
  expect(validateSessionToken({ token, now: at(hour + 1000) })?.extended).toBe(false);
});

test("a session ends at inactivity or the absolute lifetime, whichever comes first", async () => {
  const user = await makeUser();
  const fresh = createSession({ userId: user.id, now: at(0) });
  expect(getSessionExpiresAt(fresh).getTime()).toBe(at(sessionPolicy.inactivityTimeout).getTime());
  const old = { ...fresh, lastVerifiedAt: at(sessionPolicy.absoluteLifetime - day) };
  expect(getSessionExpiresAt(old).getTime()).toBe(at(sessionPolicy.absoluteLifetime).getTime());
});

test("the cookie expires with its session, never later", async () => {
  const user = await makeUser();
  const { token } = createSession({ userId: user.id });
  const maxAge = (cookie: string) => Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
  expect(maxAge(serializeSessionCookie(token))).toBe(sessionPolicy.inactivityTimeout / 1000);
  expect(maxAge(serializeSessionCookie(token, { expiresAt: at(day), now: at(0) }))).toBe(
    day / 1000,
  );
  expect(maxAge(serializeSessionCookie(token, { expiresAt: at(0), now: at(day) }))).toBe(0);
});

test("the cookie is Secure exactly when APP_URL is https", async () => {
  for (const [appUrl, secure] of [
    ["https://firsthand.example", true],
    ["http://localhost:3000", false],
  ] as const) {
    vi.stubEnv("APP_URL", appUrl);
    vi.resetModules();
    const cookies = await import("./session-cookie.server");
    expect(cookies.serializeSessionCookie("a.b").split("; ").includes("Secure")).toBe(secure);
    expect(cookies.serializeBlankSessionCookie().split("; ").includes("Secure")).toBe(secure);
  }
  vi.unstubAllEnvs();
  vi.resetModules();
});
