import { getEnv } from "./env.server";
import { sessionPolicy } from "./session.server";

const cookieName = "firsthand_session";

function attributes(maxAgeSeconds: number) {
  const secure = getEnv().APP_URL.startsWith("https:") ? "; Secure" : "";
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

/** The cookie lives exactly as long as its session would: `expiresAt` defaults to a new session's. */
export function serializeSessionCookie(
  token: string,
  { expiresAt, now = new Date() }: { expiresAt?: Date; now?: Date } = {},
): string {
  const lifetime = expiresAt
    ? expiresAt.getTime() - now.getTime()
    : sessionPolicy.inactivityTimeout;
  return `${cookieName}=${token}; ${attributes(Math.max(0, Math.floor(lifetime / 1000)))}`;
}

export function serializeBlankSessionCookie(): string {
  return `${cookieName}=; ${attributes(0)}`;
}

export function readSessionToken(request: Request): string | null {
  return readSessionTokenFromHeader(request.headers.get("Cookie"));
}

export function readSessionTokenFromHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === cookieName) return value.join("=") || null;
  }
  return null;
}
