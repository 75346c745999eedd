import { redirect } from "@remix-run/node";
import type { Role, User } from "#db/schema";
import { readSessionToken } from "./session-cookie.server";
import { validateSessionToken, type ValidSession } from "./session.server";

export function getSession(request: Request): ValidSession | null {
  const token = readSessionToken(request);
  return token ? validateSessionToken({ token }) : null;
}

export function getUser(request: Request): User | null {
  return getSession(request)?.user ?? null;
}

function isApiRequest(request: Request) {
  return new URL(request.url).pathname.startsWith("/api/");
}

export function requireUser(request: Request): User {
  const user = getUser(request);
  if (user) return user;
  if (isApiRequest(request)) {
    throw Response.json({ error: "Sign in required." }, { status: 401 });
  }
  const url = new URL(request.url);
  const redirectTo = url.pathname + url.search;
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
}

export function requireRole(request: Request, roles: readonly Role[]): User {
  const user = requireUser(request);
  if (roles.includes(user.role)) return user;
  if (isApiRequest(request)) {
    throw Response.json({ error: "You do not have access to this." }, { status: 403 });
  }
  throw new Response("You do not have access to this page.", { status: 403 });
}

/** Only same-site paths may be redirect targets after sign-in. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//")) return "/";
  if (target.startsWith("/\\")) return "/";
  return target;
}
