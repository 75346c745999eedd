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

test("an admin of a few teams picks one from a list", async () => {
  const viewer = await admin();
  const north = createTeam({ name: "North" });
  createTeam({ name: "South" });
  const overview = await overviewFor(viewer, "");
  expect(overview.teamPicker).toEqual({
    kind: "list",
    teams: [
      { id: north.id, name: "North" },
      { id: expect.any(String), name: "South" },
    ],
  });
});

test("an admin of many teams finds one by name, and is offered near matches for a partial one", async () => {
  const viewer = await admin();
  for (let i = 1; i <= 120; i++) createTeam({ name: `Team ${i}` });

  const exact = await overviewFor(viewer, "team=team 12");
  expect(exact.team?.name).toBe("Team 12");
  expect(exact.hasScope).toBe(true);
  expect(exact.teamPicker).toEqual({ kind: "search", matches: [] });

  const partial = await overviewFor(viewer, "team=12");
  expect(partial.hasScope).toBe(false);
  expect(partial.teamPicker.kind).toBe("search");
  const names =
    partial.teamPicker.kind === "search" ? partial.teamPicker.matches.map((t) => t.name) : [];
  expect(names.slice(0, 3)).toEqual(["Team 12", "Team 112", "Team 120"]);

  const wildcard = await overviewFor(viewer, "team=%25");
  expect(wildcard.teamPicker).toEqual({ kind: "search", matches: [] });
});
