import { displayName } from "./display-text";

const teamName = displayName({ label: "a team name", max: 80 });

test("a name keeps ordinary letters from any script, trimmed and normalised", () => {
  expect(teamName.parse("  Équipe Nord  ")).toBe("Équipe Nord");
  expect(teamName.parse("Cafe\u0301")).toBe("Café");
  expect(teamName.parse("営業チーム 東")).toBe("営業チーム 東");
});

test("control, bidi-override and isolate characters are refused with a message", () => {
  for (const bad of [
    "Team\u0000North",
    "Team\nNorth",
    "Team\u202ehtroN",
    "Team\u2066x\u2069",
    "\u200fTeam",
  ]) {
    const result = teamName.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(
      "A team name contains control or text-direction characters.",
    );
  }
});

test("an empty or over-long name is refused", () => {
  expect(teamName.safeParse("   ").error?.issues[0].message).toBe("Enter a team name.");
  expect(teamName.safeParse("x".repeat(81)).error?.issues[0].message).toBe(
    "Keep a team name under 81 characters.",
  );
});
