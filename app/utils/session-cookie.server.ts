import { getEnv } from "./env.server";
import { sessionPolicy } from "./session.server";

const cookieName = "firsthand_session";

function attributes(maxAgeSeconds: number) {
  const secure = getEnv().APP_URL.startsWith("https:") ? "; Secure" : "";
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function serializeSessionCookie(token: string): string {
  return `${cookieName}=${token}; ${attributes(Math.floor(sessionPolicy.inactivityTimeout / 1000))}`;
}

export function serializeBlankSessionCookie(): string {
  return `${cookieName}=; ${attributes(0)}`;
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === cookieName) return value.join("=") || null;
  }
  return null;
}
