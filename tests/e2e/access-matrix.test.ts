import { afterAll, beforeAll, expect, test } from "vitest";
import { demoEmail, signInCookie } from "./browser";
import {
  personByEmail,
  readDemoHandoffs,
  readDemoPeople,
  type DemoHandoff,
  type DemoPerson,
} from "./demo-people";
import { dataRequestPath, listRouteFiles, routePath } from "./route-files";
import { startServer, type RunningServer } from "./start-server";

// Every route file × every role, read from app/routes at test time: a route without a rule below
// fails, naming its file. Its own server, because it disables a user.

const roles = [
  "signedOut",
  "rep",
  "otherTeamRep",
  "manager",
  "otherTeamManager",
  "author",
  "csm",
  "admin",
  "disabled",
] as const;
type Role = (typeof roles)[number];

// rep1 is in Team North (manager1) and certified; rep5 is in Team South (manager2). rep4 is
// disabled before the probes start, with a session opened while they were still enabled.
const accounts: Record<Exclude<Role, "signedOut">, string> = {
  rep: "rep1",
  otherTeamRep: "rep5",
  manager: "manager1",
  otherTeamManager: "manager2",
  author: "author",
  csm: "csm",
  admin: "admin",
  disabled: "rep4",
};

type Outcome = { status: number } | { redirect: string };
type Expect = (role: Role, path: string) => Outcome;
type Fixtures = {
  certificateOf: (local: string) => string;
  /** The user id of a demo account. */
  personId: (local: string) => string;
  /** The id of the demo handoff of this account. */
  handoffOf: (accountName: string) => string;
};
type Probe = { params?: Record<string, string>; expect: Expect };
type Post = { params?: Record<string, string>; body: Record<string, string>; expect: Expect };
type Rule = {
  get: (f: Fixtures) => Probe[];
  /** Required when the route exports an action; without one, a POST must be a 405. */
  post?: (f: Fixtures) => Post;
  /** The action ends the session it is sent with, so each role gets a fresh one. */
  postEndsSession?: boolean;
};

const isSignedOut = (role: Role) => role === "signedOut" || role === "disabled";
const toLogin = (path: string): Outcome => ({
  redirect: `/login?${new URLSearchParams({ redirectTo: path })}`,
});
const ok = { status: 200 };
const forEveryone =
  (outcome: Outcome): Expect =>
  () =>
    outcome;
const forSignedIn =
  (outcome: Outcome | ((role: Role) => Outcome)): Expect =>
  (role, path) =>
    isSignedOut(role) ? toLogin(path) : typeof outcome === "function" ? outcome(role) : outcome;
const onlyFor = (allowed: Role[], outcome: Outcome = ok): Expect =>
  forSignedIn((role) => (allowed.includes(role) ? outcome : { status: 403 }));

const product = "ledgerflow";
const module = "ingestion-rules";
const notAnId = "a".repeat(32);

// The API answers bearer tokens, never sessions: without one every role gets 401 JSON.
const apiOnly = forEveryone({ status: 401 });

const rules: Record<string, Rule> = {
  "api.v1.eligibility.ts": {
    get: () => [{ expect: apiOnly }],
  },
  "api.v1.eligibility.batch.ts": {
    get: () => [{ expect: forEveryone({ status: 405 }) }],
    post: () => ({ body: { checks: "x" }, expect: apiOnly }),
  },
  "api.v1.certifications.ts": {
    get: () => [{ expect: apiOnly }],
  },
  "api.v1.openapi[.]json.ts": { get: () => [{ expect: forEveryone(ok) }] },
  "api.v1.vocabulary.check.ts": {
    get: () => [{ expect: forEveryone({ status: 405 }) }],
    post: () => ({ body: { text: "x" }, expect: apiOnly }),
  },
  "api.v1.webhooks.ts": {
    get: () => [{ expect: apiOnly }],
    post: () => ({ body: { url: "x" }, expect: apiOnly }),
  },
  "api.v1.handoffs.$id.ts": {
    get: () => [{ params: { id: "ho_aaaaaaaaaaaaaaaa" }, expect: apiOnly }],
  },
  "api.v1.webhooks.$id.ts": {
    get: () => [{ params: { id: "wh_none" }, expect: apiOnly }],
    post: () => ({ params: { id: "wh_none" }, body: {}, expect: apiOnly }),
  },
  "$.tsx": {
    get: () => [{ params: { "*": "no/such/page" }, expect: forEveryone({ status: 404 }) }],
  },
  "_index.tsx": { get: () => [{ expect: forSignedIn(ok) }] },
  "admin.api.tsx": { get: () => [{ expect: onlyFor(["admin"]) }] },
  "admin.integrations.tsx": {
    get: () => [{ expect: onlyFor(["admin"]) }],
    post: () => ({
      body: { intent: "no-such-intent" },
      expect: onlyFor(["admin"], { status: 400 }),
    }),
  },
  "admin.tokens.tsx": {
    get: () => [{ expect: onlyFor(["admin"]) }],
    post: () => ({
      body: { intent: "no-such-intent" },
      expect: onlyFor(["admin"], { status: 400 }),
    }),
  },
  "admin.users.tsx": {
    get: () => [{ expect: onlyFor(["admin"]) }],
    post: () => ({
      body: { intent: "no-such-intent" },
      expect: onlyFor(["admin"], { status: 400 }),
    }),
  },
  "assets.$product.$.ts": {
    get: () => [
      { params: { product, "*": "images/journey.svg" }, expect: forSignedIn(ok) },
      { params: { product, "*": "product.yml" }, expect: forSignedIn({ status: 404 }) },
    ],
  },
  "certificates.$id.tsx": {
    get: (f) => [
      // Only the holder sees their certificate here; the public verify page is for everyone else.
      {
        params: { id: f.certificateOf("rep1") },
        expect: forSignedIn((role) => (role === "rep" ? ok : { status: 404 })),
      },
      { params: { id: f.certificateOf("rep2") }, expect: forSignedIn({ status: 404 }) },
      { params: { id: notAnId }, expect: forSignedIn({ status: 404 }) },
    ],
  },
  "certificates._index.tsx": { get: () => [{ expect: forSignedIn(ok) }] },
  "handoffs._index.tsx": {
    get: () => [
      { expect: onlyFor(["rep", "otherTeamRep", "manager", "otherTeamManager", "csm", "admin"]) },
    ],
  },
  "handoffs.new.tsx": {
    get: () => [{ expect: onlyFor(["rep", "otherTeamRep"]) }],
    post: () => ({
      body: { product, accountName: "" },
      expect: onlyFor(["rep", "otherTeamRep"], { status: 400 }),
    }),
  },
  // Only the rep who filed it edits an open handoff; another rep learns nothing of it.
  "handoffs.$id_.edit.tsx": {
    get: (f) => [
      {
        params: { id: f.handoffOf("Lumen Telecom") },
        expect: forSignedIn((role) =>
          role === "rep" ? ok : role === "otherTeamRep" ? { status: 404 } : { status: 403 },
        ),
      },
      { params: { id: "ho_none" }, expect: onlyFor(["rep", "otherTeamRep"], { status: 404 }) },
    ],
    post: (f) => ({
      params: { id: f.handoffOf("Lumen Telecom") },
      body: { product, accountName: "" },
      expect: forSignedIn((role) =>
        role === "rep"
          ? { status: 400 }
          : role === "otherTeamRep"
            ? { status: 404 }
            : { status: 403 },
      ),
    }),
  },
  // rep1 (Team North, manager1) filed Lumen Telecom to the csm.
  "handoffs.$id.tsx": {
    get: (f) => [
      {
        params: { id: f.handoffOf("Lumen Telecom") },
        expect: forSignedIn((role) =>
          ["rep", "manager", "csm", "admin"].includes(role) ? ok : { status: 404 },
        ),
      },
      { params: { id: "ho_none" }, expect: forSignedIn({ status: 404 }) },
    ],
    post: (f) => ({
      params: { id: f.handoffOf("Lumen Telecom") },
      body: { intent: "no-such-intent" },
      expect: forSignedIn((role) =>
        ["rep", "manager", "csm", "admin"].includes(role) ? { status: 400 } : { status: 404 },
      ),
    }),
  },
  "content.tsx": { get: () => [{ expect: onlyFor(["author", "admin"]) }] },
  "content_.impact.tsx": {
    get: () => [{ expect: onlyFor(["author", "admin"]) }],
  },
  // Without a list to export, a clear 400; the lists themselves: impact-at-scale.test.ts.
  "content_.impact[.]csv.ts": {
    get: () => [{ expect: onlyFor(["author", "admin"], { status: 400 }) }],
  },
  "content_.history.$product.$.tsx": {
    get: () => [
      { params: { product, "*": module }, expect: onlyFor(["author", "admin"]) },
      {
        params: { product, "*": "no-such-module" },
        expect: onlyFor(["author", "admin"], { status: 404 }),
      },
    ],
  },
  "content_.preview.$product.$.tsx": {
    get: () => [
      { params: { product, "*": module }, expect: onlyFor(["author", "admin"]) },
      {
        params: { product, "*": "no-such-module" },
        expect: onlyFor(["author", "admin"], { status: 404 }),
      },
    ],
    post: () => ({
      params: { product, "*": module },
      body: { intent: "no-such-intent" },
      expect: onlyFor(["author", "admin"], { status: 400 }),
    }),
  },
  "content_.sync.tsx": {
    get: () => [{ expect: onlyFor(["admin"]) }],
    post: () => ({
      body: { intent: "no-such-intent" },
      expect: onlyFor(["admin"], { status: 400 }),
    }),
  },
  "friction.tsx": {
    get: () => [{ expect: onlyFor(["author", "admin"]) }],
    post: () => ({
      body: { intent: "no-such-intent" },
      expect: onlyFor(["author", "admin"], { status: 400 }),
    }),
  },
  "glossary.tsx": { get: () => [{ expect: forSignedIn(ok) }] },
  "login.tsx": {
    get: () => [{ expect: (role) => (isSignedOut(role) ? ok : { redirect: "/" }) }],
    // Signed-in people are sent home by the page's loader whatever they post.
    post: () => ({
      body: { email: "", password: "" },
      expect: (role) => (isSignedOut(role) ? { status: 400 } : { redirect: "/" }),
    }),
  },
  "logout.tsx": {
    get: () => [{ expect: forEveryone({ redirect: "/" }) }],
    post: () => ({ body: {}, expect: forEveryone({ redirect: "/login" }) }),
    postEndsSession: true,
  },
  "products.$product.$.tsx": {
    get: () => [
      { params: { product, "*": module }, expect: forSignedIn(ok) },
      { params: { product, "*": "no-such-module" }, expect: forSignedIn({ status: 404 }) },
      { params: { product: "no-such-product", "*": module }, expect: forSignedIn({ status: 404 }) },
    ],
    post: () => ({
      params: { product, "*": module },
      body: { intent: "no-such-intent" },
      expect: forSignedIn({ status: 400 }),
    }),
  },
  "products.$product._index.tsx": {
    get: () => [
      { params: { product }, expect: forSignedIn(ok) },
      { params: { product: "no-such-product" }, expect: forSignedIn({ status: 404 }) },
    ],
  },
  "products._index.tsx": { get: () => [{ expect: forSignedIn(ok) }] },
  "settings.notifications.tsx": {
    get: () => [{ expect: forSignedIn(ok) }],
    post: () => ({ body: { intent: "no-such-intent" }, expect: forSignedIn({ status: 400 }) }),
  },
  "team_.notifications.tsx": {
    get: () => [{ expect: onlyFor(["manager", "otherTeamManager", "admin"]) }],
    post: () => ({
      body: { intent: "no-such-intent" },
      expect: onlyFor(["manager", "otherTeamManager", "admin"], { status: 400 }),
    }),
  },
  "team_.export[.]csv.ts": {
    get: () => [{ expect: onlyFor(["manager", "otherTeamManager", "admin"]) }],
  },
  "team_.reps.$repId.tsx": {
    get: (f) => [
      // Another team's rep is a 404 for a manager, as if there were no such person.
      {
        params: { repId: f.personId("rep1") },
        expect: forSignedIn((role) =>
          role === "manager" || role === "admin"
            ? ok
            : { status: role === "otherTeamManager" ? 404 : 403 },
        ),
      },
      {
        params: { repId: notAnId },
        expect: onlyFor(["manager", "otherTeamManager", "admin"], { status: 404 }),
      },
    ],
  },
  "team.tsx": {
    get: () => [{ expect: onlyFor(["manager", "otherTeamManager", "admin"]) }],
    post: () => ({
      body: { intent: "no-such-intent" },
      expect: onlyFor(["manager", "otherTeamManager", "admin"], { status: 400 }),
    }),
  },
  "verify.$id.tsx": {
    get: (f) => [
      { params: { id: f.certificateOf("rep1") }, expect: forEveryone(ok) },
      { params: { id: notAnId }, expect: forEveryone({ status: 404 }) },
      { params: { id: "not-a-certificate" }, expect: forEveryone({ status: 404 }) },
    ],
  },
  "verify._index.tsx": {
    get: () => [{ expect: forEveryone(ok) }],
    post: () => ({
      body: { reference: "not a verify link" },
      expect: forEveryone({ status: 400 }),
    }),
  },
  "vocabulary.check.tsx": {
    get: () => [{ expect: forSignedIn(ok) }],
    post: () => ({ body: { text: "   " }, expect: forSignedIn({ status: 400 }) }),
  },
  "what-changed.$product.$.tsx": {
    get: () => [
      { params: { product, "*": module }, expect: forSignedIn(ok) },
      { params: { product, "*": "no-such-module" }, expect: forSignedIn({ status: 404 }) },
    ],
  },
};

let server: RunningServer;
let people: DemoPerson[];
let demoHandoffs: DemoHandoff[];
const cookies = new Map<Role, string>();
const figures = { cells: 0, requests: 0, leaksChecked: 0 };

beforeAll(async () => {
  server = await startServer();
  await Promise.all(
    roles.map(async (role) => {
      if (role !== "signedOut")
        cookies.set(role, await signInCookie(server.baseUrl, demoEmail(accounts[role])));
    }),
  );
  people = readDemoPeople(server.dataDir);
  demoHandoffs = readDemoHandoffs(server.dataDir);
  const disabled = personByEmail(people, demoEmail(accounts.disabled));
  const response = await request({
    role: "admin",
    path: "/admin/users",
    method: "POST",
    body: { intent: "disable-user", userId: disabled.id },
  });
  if (response.status !== 200) throw new Error(`Could not disable ${disabled.email}`);
});

afterAll(async () => {
  await server?.stop();
  console.log(
    `access matrix: ${figures.cells} cells, ${figures.requests} requests, ${figures.leaksChecked} bodies checked for other people's data`,
  );
});

async function request({
  role,
  path,
  method = "GET",
  body,
  cookie = cookies.get(role),
}: {
  role: Role;
  path: string;
  method?: "GET" | "POST";
  body?: Record<string, string>;
  cookie?: string;
}) {
  figures.requests += 1;
  const headers: Record<string, string> = {};
  if (cookie) headers.Cookie = cookie;
  if (method === "POST") headers.Origin = server.baseUrl;
  return fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    body: body ? new URLSearchParams(body) : undefined,
    redirect: "manual",
  });
}

function viewerFor(role: Role): DemoPerson | null {
  if (isSignedOut(role)) return null;
  return personByEmail(people, demoEmail(accounts[role as Exclude<Role, "signedOut">]));
}

/**
 * On handoff pages the two sides of a handoff see each other's names (never emails): the rep and
 * the CSM, the rep's manager the CSM, and a rep filing one every CSM to choose from. A CSM's home
 * lists the handoffs waiting for them, by rep.
 */
function handoffCounterparts(viewer: DemoPerson | null, path: string): Set<string> {
  const ids = new Set<string>();
  if (viewer?.role === "csm" && (path === "/" || path === "/_root.data")) {
    for (const h of demoHandoffs) if (viewer.id === h.csmId) ids.add(h.repId);
    return ids;
  }
  if (!viewer || !path.startsWith("/handoffs")) return ids;
  for (const h of demoHandoffs) {
    const rep = people.find((p) => p.id === h.repId);
    if (viewer.id === h.repId) ids.add(h.csmId);
    if (viewer.id === h.csmId) ids.add(h.repId);
    if (rep?.teamId && viewer.leads.includes(rep.teamId)) ids.add(h.csmId);
  }
  if (viewer.role === "rep" && (path === "/handoffs/new" || path.endsWith("/edit"))) {
    for (const p of people) if (p.role === "csm") ids.add(p.id);
  }
  return ids;
}

/** What this viewer must never see at this path: other people's emails, names and certificate ids. */
function forbiddenFor(role: Role, path: string): string[] {
  const viewer = viewerFor(role);
  const forbidden: string[] = [];
  const counterparts = handoffCounterparts(viewer, path);
  for (const person of people) {
    if (viewer && person.id === viewer.id) continue;
    const onTheirVerifyPage = person.certificationIds.some((id) => path === `/verify/${id}`);
    // The change-impact page names, to authors, the certified reps a content change touches.
    const touchedByAContentChange =
      viewer?.role === "author" &&
      path.startsWith("/content/impact") &&
      person.role === "rep" &&
      person.certificationIds.length > 0;
    const mayKnow =
      viewer?.role === "admin" ||
      touchedByAContentChange ||
      (person.teamId !== null && viewer?.leads.includes(person.teamId));
    if (!mayKnow) {
      forbidden.push(person.email);
      // The public verify page names the holder, and only the holder.
      if (!onTheirVerifyPage && !counterparts.has(person.id)) forbidden.push(person.name);
    }
    for (const id of person.certificationIds) if (path !== `/verify/${id}`) forbidden.push(id);
  }
  // Echoing the address someone asked for (a return path, say) tells them nothing new.
  return forbidden.filter((s) => !path.includes(s));
}

const htmlEscaped = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

function leaksIn(body: string, forbidden: string[]): string[] {
  figures.leaksChecked += 1;
  return forbidden.filter((s) => body.includes(s) || body.includes(htmlEscaped(s)));
}

function describeOutcome(response: Response): Outcome {
  const location = response.headers.get("location");
  return response.status >= 300 && response.status < 400 && location
    ? { redirect: location }
    : { status: response.status };
}

/** Single fetch answers a redirect with 202 and the target in the body. */
async function checkDataRequest({
  role,
  path,
  expected,
}: {
  role: Role;
  path: string;
  expected: Outcome;
}) {
  const response = await request({ role, path: dataRequestPath(path) });
  const body = await response.text();
  const problems: string[] = [];
  if ("redirect" in expected) {
    if (response.status !== 202 || !body.includes(JSON.stringify(expected.redirect)))
      problems.push(
        `${dataRequestPath(path)}: expected a redirect to ${expected.redirect}, got ${response.status}`,
      );
  } else if (response.status !== expected.status) {
    problems.push(`${dataRequestPath(path)}: expected ${expected.status}, got ${response.status}`);
  }
  const leaks = leaksIn(body, forbiddenFor(role, path));
  if (leaks.length) problems.push(`${dataRequestPath(path)} shows ${leaks.join(", ")}`);
  return problems;
}

test("every route file in app/routes has an access rule", () => {
  const files = listRouteFiles().map((r) => r.file);
  expect(files.length).toBeGreaterThan(10);
  expect(
    files.filter((f) => !rules[f]),
    "route files without a rule in access-matrix.test.ts",
  ).toEqual([]);
  expect(
    Object.keys(rules).filter((f) => !files.includes(f)),
    "rules for route files that are gone",
  ).toEqual([]);
});

for (const route of listRouteFiles()) {
  test(`${route.file}: every role gets the right answer and nobody else's data`, async () => {
    const rule = rules[route.file];
    expect(rule, `${route.file} has no rule in access-matrix.test.ts; add one`).toBeDefined();
    if (route.exportsAction)
      expect(rule.post, `${route.file} has an action but its rule has no POST`).toBeDefined();
    const fixtures: Fixtures = {
      certificateOf: (local) => {
        const id = personByEmail(people, demoEmail(local)).certificationIds[0];
        if (!id) throw new Error(`${local} has no certificate in the demo`);
        return id;
      },
      personId: (local) => personByEmail(people, demoEmail(local)).id,
      handoffOf: (accountName) => {
        const handoff = demoHandoffs.find((h) => h.accountName === accountName);
        if (!handoff) throw new Error(`No demo handoff for ${accountName}`);
        return handoff.id;
      },
    };
    const failures: string[] = [];
    const probes = rule.get(fixtures);
    await Promise.all(
      roles.map(async (role) => {
        for (const probe of probes) {
          const path = routePath(route.file, probe.params);
          const expected = probe.expect(role, path);
          figures.cells += 1;
          const response = await request({ role, path });
          const actual = describeOutcome(response);
          if (JSON.stringify(actual) !== JSON.stringify(expected))
            failures.push(
              `${role} GET ${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
            );
          const leaks = leaksIn(await response.text(), forbiddenFor(role, path));
          if (leaks.length) failures.push(`${role} GET ${path} shows ${leaks.join(", ")}`);
          if (route.exportsComponent)
            failures.push(
              ...(await checkDataRequest({ role, path, expected })).map((p) => `${role} GET ${p}`),
            );
        }

        const post = rule.post?.(fixtures);
        const path = routePath(route.file, post?.params ?? probes[0]?.params);
        // A form posting to an index route says so, or the post goes to its parent.
        const target = /(^|\.)_index\.[^.]+$/.test(route.file) ? `${path}?index` : path;
        const expected = post ? post.expect(role, path) : { status: 405 };
        const cookie =
          rule.postEndsSession && !isSignedOut(role)
            ? await signInCookie(
                server.baseUrl,
                demoEmail(accounts[role as Exclude<Role, "signedOut">]),
              )
            : cookies.get(role);
        figures.cells += 1;
        const response = await request({
          role,
          path: target,
          method: "POST",
          body: post?.body ?? {},
          cookie,
        });
        const actual = describeOutcome(response);
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          failures.push(
            `${role} POST ${target}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
          );
        const leaks = leaksIn(await response.text(), forbiddenFor(role, path));
        if (leaks.length) failures.push(`${role} POST ${target} shows ${leaks.join(", ")}`);
      }),
    );
    expect(failures).toEqual([]);
  });
}

test("a manager sees their own team's reps on the team page and no one else's", async () => {
  for (const [role, own, other] of [
    ["manager", ["rep1", "rep2", "rep3", "rep4"], ["rep5", "rep6", "rep7", "rep8", "rep9"]],
    [
      "otherTeamManager",
      ["rep5", "rep6", "rep7", "rep8", "rep9"],
      ["rep1", "rep2", "rep3", "rep4"],
    ],
  ] as const) {
    const html = await (await request({ role, path: "/team" })).text();
    for (const local of own) expect(html, `${role} sees ${local}`).toContain(demoEmail(local));
    for (const local of other)
      expect(html, `${role} must not see ${local}`).not.toContain(demoEmail(local));
  }
});
