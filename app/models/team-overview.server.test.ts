import { expect, test } from "vitest";
import { createUser } from "./user.server";
import { parseMatrixQuery } from "./readiness-view";
import { getTeamOverview } from "./team-overview.server";
import { createTeam } from "./team.server";

let admins = 0;
async function admin() {
  return createUser({
    email: `admin${++admins}@example.test`,
    name: "Ada",
    role: "admin",
    password: "x".repeat(12),
  });
}

const overviewFor = async (viewer: Awaited<ReturnType<typeof admin>>, search: string) =>
  getTeamOverview({ viewer, query: parseMatrixQuery(new URLSearchParams(search)), products: [] });

test("an admin finds teams by part of their name, shortest names first, at most ten", async () => {
  const viewer = await admin();
  for (let i = 1; i <= 120; i++) createTeam({ name: `Team ${i}` });

  const unsearched = await overviewFor(viewer, "");
  expect(unsearched.teamMatches).toBeNull();
  expect(unsearched.team).toBeNull();

  const partial = await overviewFor(viewer, "teamSearch=12");
  expect(partial.hasScope).toBe(true);
  expect(partial.team).toBeNull();
  expect(partial.teamMatches?.teams.map((t) => t.name).slice(0, 3)).toEqual([
    "Team 12",
    "Team 112",
    "Team 120",
  ]);
  expect(partial.teamMatches?.more).toBe(false);

  const many = await overviewFor(viewer, "teamSearch=team");
  expect(many.teamMatches?.teams).toHaveLength(10);
  expect(many.teamMatches?.more).toBe(true);

  const wildcard = await overviewFor(viewer, "teamSearch=%25");
  expect(wildcard.teamMatches).toEqual({ teams: [], more: false });
});

test("a team is shown by id or by name, and a search leaves it shown", async () => {
  const viewer = await admin();
  const north = createTeam({ name: "North" });
  createTeam({ name: "South" });
  const byId = await overviewFor(viewer, `team=${north.id}&teamSearch=sou`);
  expect(byId.team?.name).toBe("North");
  expect(byId.teamMatches?.teams.map((t) => t.name)).toEqual(["South"]);
  const byName = await overviewFor(viewer, "team=north");
  expect(byName.team?.id).toBe(north.id);
  const unknown = await overviewFor(viewer, "team=nowhere");
  expect(unknown.hasScope).toBe(false);
});

test("a manager sees no team search, whatever the query", async () => {
  const manager = await createUser({
    email: "lead@example.test",
    name: "Lee",
    role: "manager",
    password: "x".repeat(12),
  });
  createTeam({ name: "Lee's", managerId: manager.id });
  const overview = await overviewFor(manager, "teamSearch=a");
  expect(overview.teamMatches).toBeNull();
});
