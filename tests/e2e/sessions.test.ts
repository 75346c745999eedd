import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { demoEmail, demoPassword, signInCookie } from "./browser";
import { personByEmail, readDemoPeople } from "./demo-people";
import { dataRequestPath, listRouteFiles, routePath } from "./route-files";
import { startServer, type RunningServer } from "./start-server";

// Its own servers: it disables a user, ages sessions and trips the sign-in throttle.
let server: RunningServer;
let httpsServer: RunningServer;
const minute = 60_000;
const day = 24 * 60 * minute;

beforeAll(async () => {
  [server, httpsServer] = await Promise.all([
    startServer(),
    startServer({ APP_URL: "https://firsthand.example" }),
  ]);
});

afterAll(async () => {
  await Promise.all([server?.stop(), httpsServer?.stop()]);
});

function send(
  path: string,
  {
    method = "GET",
    cookie,
    body,
    headers = {},
    base = server.baseUrl,
  }: {
    method?: string;
    cookie?: string;
    body?: Record<string, string>;
    headers?: Record<string, string>;
    base?: string;
  } = {},
) {
  return fetch(`${base}${path}`, {
    method,
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body: body ? new URLSearchParams(body) : undefined,
    redirect: "manual",
  });
}

function signInRequest(email: string, password = demoPassword, cookie?: string) {
  return send("/login", { method: "POST", body: { email, password }, cookie });
}

const sessionToken = (setCookie: string | null) =>
  /^firsthand_session=([^;]*)/.exec(setCookie ?? "")?.[1] ?? null;
const attributes = (setCookie: string | null) =>
  (setCookie ?? "").split(";").map((part) => part.trim());

async function isSignedIn(cookie: string, base = server.baseUrl) {
  const response = await send("/", { cookie, base });
  if (response.status === 200) return true;
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/login?redirectTo=%2F");
  return false;
}

function withDatabase<T>(run: (db: Database.Database) => T): T {
  const db = new Database(path.join(server.dataDir, "e2e.db"), { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    return run(db);
  } finally {
    db.close();
  }
}

function ageSession(
  cookie: string,
  { createdAgo, verifiedAgo }: { createdAgo: number; verifiedAgo: number },
) {
  const id = cookie.split("=")[1].split(".")[0];
  const now = Date.now();
  withDatabase((db) =>
    db
      .prepare("update sessions set created_at = ?, last_verified_at = ? where id = ?")
      .run(now - createdAgo, now - verifiedAgo, id),
  );
  return id;
}

const sessionRow = (id: string) =>
  withDatabase(
    (db) =>
      db.prepare("select last_verified_at as lastVerifiedAt from sessions where id = ?").get(id) as
        { lastVerifiedAt: number } | undefined,
  );

test("signing in always issues a new token, whatever session cookie the browser already had", async () => {
  const planted = "firsthand_session=aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  const response = await signInRequest(demoEmail("rep2"), demoPassword, planted);
  expect(response.status).toBe(302);
  const issued = sessionToken(response.headers.get("set-cookie"));
  expect(issued).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{32}$/);
  expect(`firsthand_session=${issued}`).not.toBe(planted);
  expect(await isSignedIn(planted)).toBe(false);

  // An attacker's own valid session, planted before the victim signs in, is not carried over.
  const attackers = await signInCookie(server.baseUrl, demoEmail("rep3"));
  const victims = await signInRequest(demoEmail("rep2"), demoPassword, attackers);
  const victimCookie = `firsthand_session=${sessionToken(victims.headers.get("set-cookie"))}`;
  expect(victimCookie).not.toBe(attackers);
  const home = await (await send("/_root.data", { cookie: victimCookie })).text();
  expect(home).toContain(demoEmail("rep2"));
  expect(home).not.toContain(demoEmail("rep3"));
});

test("the session cookie is HttpOnly, SameSite=Lax, Path=/ and lasts as long as the session", async () => {
  const response = await signInRequest(demoEmail("rep2"));
  const parts = attributes(response.headers.get("set-cookie"));
  expect(parts).toEqual(
    expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=604800"]),
  );
  expect(parts).not.toContain("Secure");
  expect(response.headers.getSetCookie()).toHaveLength(1);
});

test("with an https APP_URL the session cookie is also Secure, on sign-in and sign-out", async () => {
  const signedIn = await send("/login", {
    method: "POST",
    base: httpsServer.baseUrl,
    body: { email: demoEmail("rep2"), password: demoPassword },
  });
  expect(signedIn.status).toBe(302);
  expect(attributes(signedIn.headers.get("set-cookie"))).toEqual(
    expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Secure"]),
  );
  const cookie = signedIn.headers.get("set-cookie")!.split(";")[0];
  const signedOut = await send("/logout", { method: "POST", cookie, base: httpsServer.baseUrl });
  expect(attributes(signedOut.headers.get("set-cookie"))).toEqual(
    expect.arrayContaining(["firsthand_session=", "Max-Age=0", "Secure", "HttpOnly"]),
  );
});

test("signing out ends the session on the server, not just in the browser", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep3"));
  expect(await isSignedIn(cookie)).toBe(true);
  const response = await send("/logout", { method: "POST", cookie });
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/login");
  expect(attributes(response.headers.get("set-cookie"))).toEqual(
    expect.arrayContaining(["firsthand_session=", "Max-Age=0", "Path=/", "HttpOnly"]),
  );
  // The old cookie, replayed, gets the signed-out treatment everywhere.
  expect(await isSignedIn(cookie)).toBe(false);
  const data = await send("/products.data", { cookie });
  expect(data.status).toBe(202);
  expect(await data.text()).toContain('"/login?redirectTo=%2Fproducts"');
  expect((await send("/admin/users", { cookie })).headers.get("location")).toMatch(/^\/login/);
});

test("disabling a person ends every session they have open, and re-enabling does not revive them", async () => {
  const admin = await signInCookie(server.baseUrl, demoEmail("admin"));
  const rep6 = personByEmail(readDemoPeople(server.dataDir), demoEmail("rep6"));
  const laptop = await signInCookie(server.baseUrl, rep6.email);
  const phone = await signInCookie(server.baseUrl, rep6.email);
  expect(await isSignedIn(laptop)).toBe(true);
  expect(await isSignedIn(phone)).toBe(true);

  const setDisabled = (intent: string) =>
    send("/admin/users", {
      method: "POST",
      cookie: admin,
      headers: { Origin: server.baseUrl },
      body: { intent, userId: rep6.id },
    });
  expect((await setDisabled("disable-user")).status).toBe(200);
  expect(await isSignedIn(laptop)).toBe(false);
  expect(await isSignedIn(phone)).toBe(false);
  const refused = await signInRequest(rep6.email);
  expect(refused.status).toBe(403);
  expect(refused.headers.get("set-cookie")).toBeNull();
  expect(await refused.text()).toMatch(/disabled/);

  expect((await setDisabled("enable-user")).status).toBe(200);
  expect(await isSignedIn(laptop)).toBe(false);
  expect(await isSignedIn(await signInCookie(server.baseUrl, rep6.email))).toBe(true);
});

test("activity slides the session and its cookie on; a week idle or 30 days in all, it is over", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep1"));

  // Used within the last hour: nothing to write, nothing to re-send.
  const quiet = await send("/", { cookie });
  expect(quiet.status).toBe(200);
  expect(quiet.headers.get("set-cookie")).toBeNull();

  // Last used two hours ago: the session slides to a week from now, and so does the cookie.
  const id = ageSession(cookie, { createdAgo: 2 * day, verifiedAgo: 2 * 60 * minute });
  const slid = await send("/products", { cookie });
  expect(slid.status).toBe(200);
  expect(sessionToken(slid.headers.get("set-cookie"))).toBe(cookie.split("=")[1]);
  const maxAge = Number(/Max-Age=(\d+)/.exec(slid.headers.get("set-cookie")!)?.[1]);
  expect(maxAge).toBeGreaterThan(7 * 86_400 - 60);
  expect(maxAge).toBeLessThanOrEqual(7 * 86_400);
  expect(Date.now() - sessionRow(id)!.lastVerifiedAt).toBeLessThan(minute);

  // Near the 30-day cap, sliding cannot take the cookie past it.
  ageSession(cookie, { createdAgo: 30 * day - 60 * minute, verifiedAgo: 2 * 60 * minute });
  const capped = await send("/", { cookie });
  const cappedAge = Number(/Max-Age=(\d+)/.exec(capped.headers.get("set-cookie")!)?.[1]);
  expect(cappedAge).toBeGreaterThan(3600 - 60);
  expect(cappedAge).toBeLessThanOrEqual(3600);

  ageSession(cookie, { createdAgo: 30 * day, verifiedAgo: 0 });
  expect(await isSignedIn(cookie)).toBe(false);
  expect(sessionRow(id)).toBeUndefined();

  const idle = await signInCookie(server.baseUrl, demoEmail("rep1"));
  const idleId = ageSession(idle, { createdAgo: 8 * day, verifiedAgo: 7 * day + 1000 });
  expect(await isSignedIn(idle)).toBe(false);
  expect(sessionRow(idleId)).toBeUndefined();
});

test("a cross-site POST is refused with 403 on every action, and changes nothing", async () => {
  const actions = listRouteFiles().filter((r) => r.exportsAction);
  expect(actions.length).toBeGreaterThan(3);
  const admin = await signInCookie(server.baseUrl, demoEmail("admin"));
  const params = { product: "ledgerflow", "*": "ingestion-rules", id: "x" };
  const body = { intent: "create-team", name: "Cross-site team", email: "", password: "" };
  const crossSite: Record<string, string>[] = [
    { Origin: "https://evil.example" },
    { Origin: "null" },
    { Origin: `${server.baseUrl}.evil.example` },
    { Origin: "http://127.0.0.1:1" },
    { "Sec-Fetch-Site": "cross-site" },
  ];
  let refused = 0;
  for (const route of actions) {
    const routeUrl = routePath(route.file, params);
    const target = /(^|\.)_index\.[^.]+$/.test(route.file) ? `${routeUrl}?index` : routeUrl;
    for (const url of [target, dataRequestPath(target)]) {
      for (const method of ["POST", "PUT", "DELETE"]) {
        for (const headers of crossSite) {
          const response = await send(url, { method, cookie: admin, headers, body });
          expect(response.status, `${method} ${url} ${JSON.stringify(headers)}`).toBe(403);
          expect(await response.text()).toBe("Cross-site request refused.");
          refused += 1;
        }
      }
      // From the app's own pages (signed out, so nothing changes) the guard lets it through.
      const own = await send(url, { method: "POST", headers: { Origin: server.baseUrl }, body });
      expect(own.status, `same-origin POST ${url}`).not.toBe(403);
      expect(own.status, `same-origin POST ${url}`).toBeLessThan(500);
    }
  }
  expect(refused).toBe(actions.length * 2 * 3 * crossSite.length);
  // The cross-site sign-outs did not end the admin's session, nor did their posts add a team.
  expect(await isSignedIn(admin)).toBe(true);
  const teams = withDatabase((db) =>
    db.prepare("select count(*) as n from teams where name = 'Cross-site team'").get(),
  ) as { n: number };
  expect(teams.n).toBe(0);
});

const redirectTargets = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "/.//evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%09/evil.example",
  "/%0d%0aSet-Cookie:%20x=1",
  "/\r\nSet-Cookie: x=1",
  "javascript:alert(1)",
  "http://evil.example/",
  "https://localhost.evil.example/",
  "/ħ",
  "/日本語?q=é",
  "/\u2028",
  "/😀",
  "/" + "a".repeat(10_000),
];

test("after sign-in, any redirectTo lands on this site, never a 500 or a broken header", async () => {
  const origin = new URL(server.baseUrl).origin;
  for (const redirectTo of [...redirectTargets, "/products/ledgerflow?tab=2"]) {
    const response = await send("/login", {
      method: "POST",
      body: { email: demoEmail("rep2"), password: demoPassword, redirectTo },
    });
    const label = JSON.stringify(redirectTo).slice(0, 60);
    expect(response.status, label).toBe(302);
    const location = response.headers.get("location")!;
    expect(location, label).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
    expect(new URL(location, server.baseUrl).origin, label).toBe(origin);
    expect(response.headers.getSetCookie(), label).toHaveLength(1);
  }
  const kept = await send("/login", {
    method: "POST",
    body: {
      email: demoEmail("rep2"),
      password: demoPassword,
      redirectTo: "/products/ledgerflow?tab=2",
    },
  });
  expect(kept.headers.get("location")).toBe("/products/ledgerflow?tab=2");
});

// Last: it blocks sign-in from this address for the rest of the file.
test("sign-in is throttled per email and per address, with 429 and Retry-After", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++)
    statuses.push((await signInRequest(demoEmail("rep7"), `wrong-${i}`)).status);
  expect(statuses).toEqual([...Array(10).fill(401), 429]);
  const blocked = await signInRequest(demoEmail("rep7"));
  expect(blocked.status).toBe(429);
  expect(blocked.headers.get("set-cookie")).toBeNull();
  const retryAfter = Number(blocked.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  // Another person on the same address is not locked out by rep7's failures.
  expect((await signInRequest(demoEmail("rep5"))).status).toBe(302);

  // Guessing across many emails from one address trips the address limit (50 per 15 minutes).
  const failuresSoFar = withDatabase(
    (db) =>
      db.prepare("select count(*) as n from sign_in_failures where key like 'ip:%'").get() as {
        n: number;
      },
  ).n;
  let tries = 0;
  let last = 401;
  while (last === 401 && tries < 60) {
    last = (await signInRequest(`nobody-${tries}@example.test`, "guess")).status;
    tries += 1;
  }
  expect(last).toBe(429);
  expect(failuresSoFar + tries - 1).toBe(50);
  const everyone = await signInRequest(demoEmail("rep5"));
  expect(everyone.status).toBe(429);
  expect(Number(everyone.headers.get("retry-after"))).toBeGreaterThan(0);
});
