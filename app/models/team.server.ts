import { asc, eq, sql } from "drizzle-orm";
import { teams, users, type Team } from "#db/schema";
import { getDb, immediateTransaction } from "~/utils/db.server";

export function listTeams(): Team[] {
  return getDb().select().from(teams).orderBy(asc(teams.name)).all();
}

/** Teams whose name holds `text`, shortest names first so "Team 1" comes before "Team 100". */
export function searchTeams({ text, limit }: { text: string; limit: number }): Team[] {
  const pattern = `%${text
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return getDb()
    .select()
    .from(teams)
    .where(sql`lower(${teams.name}) LIKE ${pattern} ESCAPE '\\'`)
    .orderBy(sql`length(${teams.name})`, asc(teams.name))
    .limit(limit)
    .all();
}

/** Team names are unique whatever their case: "team north" is Team North. */
export function getTeamByName({ name }: { name: string }): Team | null {
  return (
    getDb()
      .select()
      .from(teams)
      .where(sql`lower(${teams.name}) = lower(${name.trim()})`)
      .get() ?? null
  );
}

export class TeamNameTakenError extends Error {
  constructor(name: string) {
    super(`A team called ${name} already exists.`);
  }
}

export function getTeamLedBy({ managerId }: { managerId: string }): Team | null {
  return getDb().select().from(teams).where(eq(teams.managerId, managerId)).get() ?? null;
}

/** Creates a team; its manager, if any, joins it so team checks need only users.teamId. */
export function createTeam({
  name,
  managerId = null,
}: {
  name: string;
  managerId?: string | null;
}) {
  return immediateTransaction((db) => {
    const existing = getTeamByName({ name });
    if (existing) throw new TeamNameTakenError(existing.name);
    const team = { id: crypto.randomUUID(), name: name.trim(), managerId, createdAt: new Date() };
    db.insert(teams).values(team).run();
    if (managerId) db.update(users).set({ teamId: team.id }).where(eq(users.id, managerId)).run();
    return team;
  });
}

export function setTeamManager({ teamId, managerId }: { teamId: string; managerId: string }) {
  immediateTransaction((db) => {
    db.update(teams).set({ managerId }).where(eq(teams.id, teamId)).run();
    db.update(users).set({ teamId }).where(eq(users.id, managerId)).run();
  });
}

export function getTeamById({ id }: { id: string }): Team | null {
  return getDb().select().from(teams).where(eq(teams.id, id)).get() ?? null;
}

/** The team's Slack incoming webhook; null stops Slack messages for the team. */
export function setTeamSlackWebhookUrl({ teamId, url }: { teamId: string; url: string | null }) {
  getDb().update(teams).set({ slackWebhookUrl: url }).where(eq(teams.id, teamId)).run();
}
