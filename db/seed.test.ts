import { getPitchEligibility } from "~/models/eligibility.server";
import { getUserByEmail } from "~/models/user.server";
import { demoDomain, seedDemoOrganisation } from "./seed";
import { seedDemoActivity } from "./seed-activity";
import { seedDemoHandoffs } from "./seed-handoffs";
import { handoffs, outboxEvents } from "./schema";
import { getDb } from "~/utils/db.server";

test("the demo tells its story from the first sign-in", async () => {
  await seedDemoOrganisation({ log: () => {} });
  await seedDemoActivity({ log: () => {} });
  const status = async (rep: string, productSlug: string) => {
    const user = getUserByEmail({ email: `${rep}@${demoDomain}` })!;
    return (await getPitchEligibility({ userId: user.id, productSlug }))?.status;
  };
  for (const product of ["ledgerflow", "calliper", "crewline"]) {
    expect(await status("rep1", product)).toBe("certified");
    expect(await status("rep5", product)).toBe("not_started");
  }
  expect(await status("rep2", "ledgerflow")).toBe("refresh_due");
  expect(await status("rep3", "ledgerflow")).toBe("in_progress");
  expect(await status("rep4", "crewline")).toBe("lapsed");

  const lines: string[] = [];
  await seedDemoHandoffs({ log: (line) => lines.push(line) });
  expect(lines).toEqual(["Seeded 6 demo handoffs."]);
  const states = getDb()
    .select({ state: handoffs.state })
    .from(handoffs)
    .all()
    .map((h) => h.state);
  expect(new Set(states)).toEqual(
    new Set(["submitted", "questioned", "acknowledged", "superseded"]),
  );
  // Seeded history tells nobody: a fresh demo with SMTP set must not email the CSM and reps.
  const announced = getDb().select({ type: outboxEvents.type }).from(outboxEvents).all();
  expect(announced.filter((e) => e.type.startsWith("handoff."))).toEqual([]);
}, 60_000);
