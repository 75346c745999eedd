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

test("only same-site paths are redirect targets", () => {
  expect(safeRedirect("/products")).toBe("/products");
  expect(safeRedirect("//evil.example")).toBe("/");
  expect(safeRedirect("https://evil.example")).toBe("/");
  expect(safeRedirect("/\\evil.example")).toBe("/");
  expect(safeRedirect(null)).toBe("/");
});
