import { makeUser } from "../../tests/setup/factories";
import { createTeam } from "~/models/team.server";
import { requireRole, requireUser, safeRedirect } from "./auth.server";
import { canViewPerson, requirePersonVisible } from "./permissions.server";
import { serializeSessionCookie } from "./session-cookie.server";
import { createSession } from "./session.server";

async function thrown(fn: () => unknown): Promise<Response> {
  try {
    fn();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

function requestAs(userId: string | null, path = "/products") {
  const headers = new Headers();
  if (userId) {
    const cookie = serializeSessionCookie(createSession({ userId }).token).split(";")[0];
    headers.set("Cookie", cookie);
  }
  return new Request(`http://localhost${path}`, { headers });
}

test("pages redirect anonymous people to sign-in with a return path", async () => {
  const response = await thrown(() => requireUser(requestAs(null, "/products/x?tab=2")));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fproducts%2Fx%3Ftab%3D2");
});

test("the API answers anonymous people with 401 JSON", async () => {
  const response = await thrown(() => requireUser(requestAs(null, "/api/eligibility")));
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ error: "Sign in required." });
});

test("requireRole lets the right roles through and refuses others with 403", async () => {
  const admin = await makeUser({ role: "admin" });
  const rep = await makeUser({ role: "rep" });
  expect(requireRole(requestAs(admin.id), ["admin"]).id).toBe(admin.id);
  expect((await thrown(() => requireRole(requestAs(rep.id), ["admin"]))).status).toBe(403);
  expect((await thrown(() => requireRole(requestAs(rep.id, "/api/x"), ["admin"]))).status).toBe(
    403,
  );
});

test("a manager sees only their own team's reps; others get a 404", async () => {
  const managerA = await makeUser({ role: "manager" });
  const teamA = createTeam({ name: `A ${crypto.randomUUID()}`, managerId: managerA.id });
  const managerB = await makeUser({ role: "manager" });
  const teamB = createTeam({ name: `B ${crypto.randomUUID()}`, managerId: managerB.id });
  const ownRep = await makeUser({ teamId: teamA.id });
  const otherRep = await makeUser({ teamId: teamB.id });
  const viewer = { ...managerA, teamId: teamA.id };
  expect(canViewPerson({ viewer, subject: ownRep })).toBe(true);
  expect(canViewPerson({ viewer, subject: otherRep })).toBe(false);
  expect(canViewPerson({ viewer: ownRep, subject: otherRep })).toBe(false);
  expect(canViewPerson({ viewer: ownRep, subject: ownRep })).toBe(true);
  expect((await thrown(() => requirePersonVisible({ viewer, subject: otherRep }))).status).toBe(
    404,
  );
});

test("same-origin paths survive as redirect targets, query and hash included", () => {
  expect(safeRedirect("/products")).toBe("/products");
  expect(safeRedirect("/products/ledgerflow/week-2/rules?tab=2#quiz")).toBe(
    "/products/ledgerflow/week-2/rules?tab=2#quiz",
  );
  expect(safeRedirect("/verify/abc%20def")).toBe("/verify/abc%20def");
});

const leavesTheSite = [
  null,
  undefined,
  "",
  "products",
  "//evil.example",
  "///evil.example",
  "////evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "/%2F%2Fevil.example",
  "%2F%2Fevil.example",
  "/%2f/evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%252F%252Fevil.example",
  "/%09/evil.example",
  "/%0d%0a/evil.example",
  "/%",
  "javascript:alert(1)",
  "/javascript:alert(1)//%0aalert(2)",
  "http://other.example/",
  "https://other.example/products",
  "https://localhost:3000.evil.example/",
  "http://localhost:3000@evil.example/",
  "/" + "a".repeat(5000),
];

test.each(leavesTheSite.map((target) => [JSON.stringify(target)?.slice(0, 60), target]))(
  "%s is not a redirect target",
  (_label, target) => {
    expect(safeRedirect(target)).toBe("/");
  },
);

test.each(["\t", "\n", "\r", "\r\n", "\u0000", "\u007f", "\u0085"])(
  "a %j anywhere in the target sends people home",
  (control) => {
    for (const target of [
      `/${control}/evil.example`,
      `${control}//evil.example`,
      `/${control}\\evil.example`,
      `/products${control}`,
      `/products?x=${control}`,
      `/pro${control}ducts`,
    ]) {
      expect(safeRedirect(target), JSON.stringify(target)).toBe("/");
    }
  },
);

test("unicode paths stay on the site and come back as plain ASCII", () => {
  const kept = ["/café", "/products/ünïcode?q=日本", "/\u2028x", "/\uFF0F\uFF0Fevil.example"];
  for (const target of kept) {
    const result = safeRedirect(target);
    expect(result, target).toMatch(/^\/[^/\\]/);
    expect(result, target).toMatch(/^[\x21-\x7e]+$/);
    expect(new URL(result, "http://localhost:3000").origin).toBe("http://localhost:3000");
  }
  expect(safeRedirect("/café")).toBe("/caf%C3%A9");
});

test("whatever comes in, the target is a same-origin path in printable ASCII", () => {
  const pieces = ["/", "\\", "//", "%2F", "%5C", "%09", "\t", "\n", ".", "..", "é", "ħ", "@", ":"];
  const hosts = ["evil.example", "localhost:3000", ""];
  for (const a of pieces)
    for (const b of pieces)
      for (const host of hosts) {
        const result = safeRedirect(`/${a}${b}${host}`);
        expect(result).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
        expect(new URL(result, "http://localhost:3000").origin).toBe("http://localhost:3000");
      }
});
