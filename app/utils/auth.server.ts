import { redirect } from "@remix-run/node";
import type { Role, User } from "#db/schema";
import { getEnv } from "./env.server";
import { readSessionToken } from "./session-cookie.server";
import { validateSessionToken, type ValidSession } from "./session.server";

// The root loader and the page's own both ask who is signed in: one look-up per request.
const sessionsByRequest = new WeakMap<Request, ValidSession | null>();

export function getSession(request: Request): ValidSession | null {
  if (sessionsByRequest.has(request)) return sessionsByRequest.get(request) ?? null;
  const token = readSessionToken(request);
  const session = token ? validateSessionToken({ token }) : null;
  sessionsByRequest.set(request, session);
  return session;
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

const rolePlurals: Record<Role, string> = {
  rep: "sales reps",
  manager: "managers",
  author: "enablement authors",
  csm: "customer success",
  admin: "admins",
};

function describeRoles(roles: readonly Role[]) {
  const names = roles.map((r) => rolePlurals[r]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
}

export function requireRole(request: Request, roles: readonly Role[]): User {
  const user = requireUser(request);
  if (roles.includes(user.role)) return user;
  if (isApiRequest(request)) {
    throw Response.json({ error: "You do not have access to this." }, { status: 403 });
  }
  throw new Response(`This page is for ${describeRoles(roles)}.`, { status: 403 });
}

const maxRedirectLength = 2048;

// Browsers drop tab, CR and LF inside URLs and read "\\" as "/", so "/\t/evil.example" or
// "/\\evil.example" would leave the site; a later decode could turn "%2F%2F" into "//" the same way.
function isAmbiguous(path: string): boolean {
  if (path.startsWith("//") || path.includes("\\")) return true;
  for (const char of path) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function decodeFully(value: string): string | null {
  let current = value;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/**
 * Only a path on the app's own origin may be a redirect target after sign-in; anything else is "/".
 * The path is re-serialised from the parsed URL, so the Location header is always plain ASCII.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined): string {
  if (typeof target !== "string" || !target.startsWith("/")) return "/";
  if (target.length > maxRedirectLength) return "/";
  const decoded = decodeFully(target);
  if (decoded === null || isAmbiguous(target) || isAmbiguous(decoded)) return "/";
  const appOrigin = new URL(getEnv().APP_URL).origin;
  let url: URL;
  try {
    url = new URL(target, appOrigin);
  } catch {
    return "/";
  }
  if (url.origin !== appOrigin) return "/";
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" resolves to the path "//evil.example", which as a Location is another host.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}
