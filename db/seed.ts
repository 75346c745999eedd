import { count } from "drizzle-orm";
import { createTeam } from "~/models/team.server";
import { createUser } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { users, type Role } from "./schema";

export const demoPassword = "firsthand-demo";
export const demoDomain = "demo.firsthand.test";

const teamsWithReps = [
  { name: "Team North", manager: "manager1", managerName: "Maya Okafor", reps: [1, 2, 3, 4] },
  { name: "Team South", manager: "manager2", managerName: "Lars Jensen", reps: [5, 6, 7, 8, 9] },
];
const repNames = [
  "Ava Martins",
  "Ben Carter",
  "Chloé Dubois",
  "Dev Patel",
  "Elena Rossi",
  "Femi Adeyemi",
  "Grace Liu",
  "Hugo Lindqvist",
  "Iris Novak",
];

export function isDatabaseEmpty(): boolean {
  const row = getDb().select({ n: count() }).from(users).get();
  return (row?.n ?? 0) === 0;
}

export async function seedDemoOrganisation({
  log = console.log,
}: { log?: (line: string) => void } = {}) {
  const email = (local: string) => `${local}@${demoDomain}`;
  const add = (local: string, name: string, role: Role, teamId: string | null = null) =>
    createUser({ email: email(local), name, role, teamId, password: demoPassword });

  await add("admin", "Alex Admin", "admin");
  await add("author", "Ana Author", "author");
  await add("csm", "Chris Success", "csm");
  for (const team of teamsWithReps) {
    const manager = await add(team.manager, team.managerName, "manager");
    const { id: teamId } = createTeam({ name: team.name, managerId: manager.id });
    for (const n of team.reps) await add(`rep${n}`, repNames[n - 1], "rep", teamId);
  }
  log(`Seeded the demo organisation. Every demo user's password is "${demoPassword}":`);
  log(`  ${["admin", "author", "csm", "manager1", "manager2"].map(email).join(", ")}`);
  log(`  ${email("rep1")} … ${email(`rep${repNames.length}`)}`);
}
