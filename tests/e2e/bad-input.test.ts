import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { demoEmail, demoPassword, signInCookie } from "./browser";
import { demoCatalog, moduleWithKeys } from "./content-keys";
import { serverForThisFile } from "./server-for-this-file";

// Its own server: valid-looking fuzz input may create teams or record answers.
const server = serverForThisFile();
let db: Database.Database;
beforeAll(async () => {
  db = new Database(path.join(server.dataDir, "e2e.db"), { readonly: true, fileMustExist: true });
});
afterAll(async () => {
  db.close();
});

// Every table a person's request may write; sign-in failures are meant to be recorded.
const tables = [
  "users",
  "teams",
  "sessions",
  "enrolments",
  "track_retakes",
  "quiz_attempts",
  "module_progress",
  "certifications",
  "handoffs",
  "handoff_events",
  "friction_flags",
];
function rowCounts() {
  return Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

const stackTrace = /\n\s+at |node_modules|SQLITE_|SqliteError|TypeError|\.tsx?:\d+/;

type Body = { label: string; body?: BodyInit; headers?: Record<string, string> };

const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
const urlencoded = { "Content-Type": "application/x-www-form-urlencoded" };

function multipart(fields: [string, string][], boundary = "fuzzboundary") {
  const parts = fields.map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return parts.join("") + `--${boundary}--\r\n`;
}

/** Many ways to get a form wrong, built around a form the action would accept. */
function badBodies(valid: Record<string, string>, { perField = true } = {}): Body[] {
  const fields = Object.entries(valid);
  const bodies: Body[] = [
    { label: "JSON", body: JSON.stringify(valid), headers: { "Content-Type": "application/json" } },
    {
      label: "malformed JSON",
      body: '{"email": ',
      headers: { "Content-Type": "application/json" },
    },
    { label: "text/plain", body: form(fields), headers: { "Content-Type": "text/plain" } },
    { label: "no content type", body: new TextEncoder().encode(form(fields)) },
    {
      label: "multipart, wrong boundary",
      body: multipart(fields, "actual"),
      headers: { "Content-Type": "multipart/form-data; boundary=declared" },
    },
    {
      label: "multipart, no boundary",
      body: multipart(fields),
      headers: { "Content-Type": "multipart/form-data" },
    },
    {
      label: "multipart, truncated",
      body: multipart(fields).slice(0, -20),
      headers: { "Content-Type": "multipart/form-data; boundary=fuzzboundary" },
    },
    { label: "empty form", body: "", headers: urlencoded },
    {
      label: "broken percent-encoding",
      body: "intent=%ZZ&email=%&x=%E0%A4%A",
      headers: urlencoded,
    },
    {
      label: "10,000 fields",
      body: Array.from({ length: 10_000 }, (_, i) => `f${i}=x`).join("&"),
      headers: urlencoded,
    },
    {
      label: "utf-16 charset",
      body: form(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-16" },
    },
  ];
  const replaced = (key: string, value: string) =>
    form(fields.map(([k, v]) => [k, k === key ? value : v]));
  for (const [key] of perField ? fields : []) {
    bodies.push(
      {
        label: `${key} missing`,
        body: form(fields.filter(([k]) => k !== key)),
        headers: urlencoded,
      },
      { label: `${key} twice`, body: form([...fields, [key, "again"]]), headers: urlencoded },
      {
        label: `${key}[] array`,
        body: form(fields.map(([k, v]) => [k === key ? `${k}[]` : k, v])),
        headers: urlencoded,
      },
      { label: `${key} 40 kB`, body: replaced(key, "ö".repeat(20_000)), headers: urlencoded },
      {
        label: `${key} control characters`,
        body: replaced(key, "a\u0000b\u0007c\r\nd\te\u001b[31m"),
        headers: urlencoded,
      },
      {
        label: `${key} bidi override`,
        body: replaced(key, "abc\u202eevil\u2066"),
        headers: urlencoded,
      },
      { label: `${key} astral unicode`, body: replaced(key, "𝔘𝔫𝔦 ✓ عربى 👩‍💻"), headers: urlencoded },
      { label: `${key} lone surrogate`, body: `${key}=%ED%A0%80`, headers: urlencoded },
      {
        label: `${key} as a file`,
        body: (() => {
          const data = new FormData();
          for (const [k, v] of fields) {
            if (k === key) data.append(k, new Blob(["file contents"]), "x.txt");
            else data.append(k, v);
          }
          return data;
        })(),
      },
    );
  }
  return bodies;
}

let requests = 0;
let refused = 0;

async function expectNoServerError({
  url,
  cookie,
  label,
  body,
  headers,
}: Body & { url: string; cookie?: string }) {
  const before = rowCounts();
  const response = await fetch(`${server.baseUrl}${url}`, {
    method: "POST",
    body,
    headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) },
    redirect: "manual",
  }).catch((error: unknown) => {
    throw new Error(`${url} · ${label}: no response (${String(error)})`);
  });
  const text = await response.text();
  requests++;
  const where = `${url} · ${label} → ${response.status}: ${text.slice(0, 200)}`;
  expect(response.status, where).toBeLessThan(500);
  expect(text, where).not.toMatch(stackTrace);
  if (response.status >= 400) {
    refused++;
    expect(text.trim().length, where).toBeGreaterThan(0);
    expect(rowCounts(), `${where}: a refused request wrote rows`).toEqual(before);
  }
}

test("sign-in with a redirectTo holding non-Latin-1 text, CR/LF or tabs lands on this site, once", async () => {
  const origin = new URL(server.baseUrl).origin;
  for (const redirectTo of [
    "/products/ünïcødé?q=✓#straße",
    "/ĀĒĪ",
    "/\u2028line",
    "/a\r\nSet-Cookie: injected=1",
    "/\t/evil.example",
    "/%0d%0aX-Injected: 1",
    "/\u0000/evil.example",
  ]) {
    const before = rowCounts().sessions;
    const response = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: demoEmail("rep1"), password: demoPassword, redirectTo }),
      redirect: "manual",
    });
    requests++;
    expect(response.status, JSON.stringify(redirectTo)).toBe(302);
    const location = response.headers.get("location")!;
    expect(new URL(location, server.baseUrl).origin, JSON.stringify(redirectTo)).toBe(origin);
    expect(response.headers.get("x-injected")).toBeNull();
    expect(response.headers.getSetCookie().join(";")).not.toContain("injected");
    expect(rowCounts().sessions).toBe(before + 1);
  }
});

test("every action answers malformed, oversized and hostile input with a 4xx and a message, never a 500 or a half-write", async () => {
  const product = (await demoCatalog())[0];
  const module = product.modules[0];
  const { quizKeys } = await moduleWithKeys({ productSlug: product.slug, moduleSlug: module.slug });
  const rep = await signInCookie(server.baseUrl, demoEmail("rep7"));
  const admin = await signInCookie(server.baseUrl, demoEmail("admin"));
  const manager = await signInCookie(server.baseUrl, demoEmail("manager2"));
  const targets: { url: string; cookie?: string; valid: Record<string, string> }[] = [
    { url: "/login", valid: { email: demoEmail("nobody"), password: "wrong", redirectTo: "/" } },
    { url: "/verify", valid: { reference: "https://example.test/verify/abc" } },
    { url: "/admin/users", cookie: admin, valid: { intent: "create-team", name: "Fuzz" } },
    {
      url: "/admin/users",
      cookie: admin,
      valid: { intent: "create-user", email: "f@example.test", name: "F", role: "rep" },
    },
    { url: "/admin/users", cookie: admin, valid: { intent: "disable-user", userId: "nobody" } },
    {
      url: `/products/${product.slug}/${module.slug}`,
      cookie: rep,
      valid: { intent: "answer-quiz", quizId: quizKeys[0].id, choice: "0" },
    },
    {
      url: `/products/${product.slug}/${module.slug}`,
      cookie: rep,
      valid: { intent: "complete-module", confirm: "yes" },
    },
    {
      url: "/team",
      cookie: manager,
      valid: { intent: "grant-retake", repId: "nobody", product: product.slug },
    },
    {
      url: "/team",
      cookie: manager,
      valid: { intent: "remind", repId: "nobody", product: product.slug },
    },
    {
      url: `/products/${product.slug}/${module.slug}`,
      cookie: rep,
      valid: { intent: "flag-friction", heading: "module-title", note: "Fuzz: a missing step" },
    },
    {
      url: "/friction",
      cookie: await signInCookie(server.baseUrl, demoEmail("author")),
      valid: { intent: "reply", flagId: "fr_nobody", reply: "Thanks", resolve: "yes" },
    },
    { url: `/products/${product.slug}`, cookie: rep, valid: { intent: "restart-track" } },
    {
      url: "/admin/integrations",
      cookie: admin,
      valid: {
        intent: "create-webhook",
        url: "https://crm.example.test/hooks",
        secret: "0123456789abcdef",
        events: "certification.issued",
      },
    },
    { url: "/admin/integrations", cookie: admin, valid: { intent: "redeliver", deliveryId: "1" } },
    {
      url: "/admin/integrations",
      cookie: admin,
      valid: { intent: "delete-webhook", webhookId: "wh_nobody" },
    },
    {
      url: "/vocabulary/check",
      cookie: rep,
      valid: { text: "It streamlines your processes.", product: "ledgerflow" },
    },
    { url: "/certificates", cookie: rep, valid: { intent: "x" } },
    {
      // rep1 is cleared on ledgerflow; "nobody" is no CSM, so even the valid form writes nothing.
      url: "/handoffs/new",
      cookie: await signInCookie(server.baseUrl, demoEmail("rep1")),
      valid: {
        product: "ledgerflow",
        accountName: "Fuzz Ltd",
        csmId: "nobody",
        goLiveTarget: "2027-01-31",
        promiseText: "Live in week 2",
        promiseModule: "ingestion-rules",
        notes: "",
      },
    },
    {
      // An edit of rep1's open handoff, addressed to "nobody": refused, so nothing is superseded.
      url: `/handoffs/${(db.prepare("SELECT id FROM handoffs WHERE account_name = 'Lumen Telecom'").get() as { id: string }).id}/edit`,
      cookie: await signInCookie(server.baseUrl, demoEmail("rep1")),
      valid: {
        product: "calliper",
        accountName: "Fuzz Ltd",
        csmId: "nobody",
        goLiveTarget: "2027-01-31",
        promiseText: "Live in week 2",
        promiseModule: "ingestion-rules",
        notes: "",
      },
    },
    {
      // The CSM cannot reply in the rep's place: a valid form is still refused.
      url: `/handoffs/${(db.prepare("SELECT id FROM handoffs WHERE state = 'submitted'").get() as { id: string }).id}`,
      cookie: await signInCookie(server.baseUrl, demoEmail("csm")),
      valid: { intent: "reply", message: "Hello" },
    },
    {
      // An author's preview grades and records nothing, whatever is posted.
      url: `/content/preview/${product.slug}/${module.slug}`,
      cookie: await signInCookie(server.baseUrl, demoEmail("author")),
      valid: { intent: "answer-quiz", quizId: quizKeys[0].id, choice: "0" },
    },
    { url: "/", cookie: rep, valid: { intent: "x" } },
  ];
  for (const target of targets) {
    for (const body of badBodies(target.valid)) {
      await expectNoServerError({ ...body, url: target.url, cookie: target.cookie });
    }
    // Single-fetch submissions from the app's own pages post to `<path>.data`.
    const dataUrl = `${target.url === "/" ? "/_root" : target.url}.data`;
    for (const body of badBodies(target.valid, { perField: false })) {
      await expectNoServerError({ ...body, url: dataUrl, cookie: target.cookie });
    }
  }
  const huge = form([["padding", "x".repeat(1_100_000)]]);
  for (const target of targets) {
    await expectNoServerError({ label: "over 1 MB", body: huge, headers: urlencoded, ...target });
  }
  // The sign-out action reads no body; a hostile one still just signs out.
  const leaving = await signInCookie(server.baseUrl, demoEmail("rep6"));
  await expectNoServerError({ ...badBodies({})[0], url: "/logout", cookie: leaving });
  console.log(`bad input: ${requests} requests, ${refused} refused with a 4xx, 0 server errors`);
  expect(refused).toBeGreaterThan(requests / 2);
}, 180_000);

test("a duplicate team name, in any case, is a 409 with a message, and one team exists", async () => {
  const admin = await signInCookie(server.baseUrl, demoEmail("admin"));
  const create = (name: string) =>
    fetch(`${server.baseUrl}/admin/users`, {
      method: "POST",
      headers: { Cookie: admin },
      body: new URLSearchParams({ intent: "create-team", name }),
    });
  expect((await create("Team East")).status).toBe(200);
  const again = await create("  team EAST ");
  expect(again.status).toBe(409);
  expect(await again.text()).toContain("A team called Team East already exists.");
  expect(
    db.prepare("SELECT count(*) AS n FROM teams WHERE lower(name) = 'team east'").get(),
  ).toEqual({ n: 1 });
});

test("a manager who leads a team cannot be made to lead a second one, or be moved off theirs", async () => {
  const admin = await signInCookie(server.baseUrl, demoEmail("admin"));
  const manager = db
    .prepare("SELECT u.id, u.team_id AS teamId FROM users u WHERE u.email = ?")
    .get(demoEmail("manager1")) as { id: string; teamId: string };
  const post = (body: Record<string, string>) =>
    fetch(`${server.baseUrl}/admin/users`, {
      method: "POST",
      headers: { Cookie: admin },
      body: new URLSearchParams(body),
    });
  const second = await post({ intent: "create-team", name: "Team West", managerId: manager.id });
  expect(second.status).toBe(409);
  expect(await second.text()).toMatch(/already leads Team North/);
  const moved = await post({ intent: "update-user", userId: manager.id, role: "rep", teamId: "" });
  expect(moved.status).toBe(409);
  expect(
    db.prepare("SELECT count(*) AS n FROM teams WHERE manager_id = ?").get(manager.id),
  ).toEqual({
    n: 1,
  });
  expect(
    db.prepare("SELECT role, team_id AS teamId FROM users WHERE id = ?").get(manager.id),
  ).toEqual({ role: "manager", teamId: manager.teamId });
});

test("names with control or text-direction characters are refused with a message", async () => {
  const admin = await signInCookie(server.baseUrl, demoEmail("admin"));
  const bodies: Record<string, string>[] = [
    { intent: "create-team", name: "Team \u202ehtroN" },
    { intent: "create-team", name: "Team\u0000Null" },
    { intent: "create-user", email: "bidi@example.test", name: "Eve\u2066 admin", role: "rep" },
  ];
  for (const body of bodies) {
    const response = await fetch(`${server.baseUrl}/admin/users`, {
      method: "POST",
      headers: { Cookie: admin },
      body: new URLSearchParams(body),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/contains control or text-direction characters/);
  }
});
