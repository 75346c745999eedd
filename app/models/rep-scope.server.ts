import { and, eq } from "drizzle-orm";
import { users, type Team, type User } from "#db/schema";
import { getDb } from "~/utils/db.server";
import { getDatabaseVersion } from "~/utils/db-version.server";
import { cachedFor, cachedWhile } from "~/utils/ttl-cache.server";
import { getTeamById, getTeamByName, getTeamLedBy } from "./team.server";

/** Whose readiness: one team's reps, or every rep in the organisation. */
export type ReadinessScope = { teamId: string } | { all: true };

export function repsInScope(scope: ReadinessScope) {
  return "teamId" in scope
    ? and(eq(users.role, "rep"), eq(users.teamId, scope.teamId))
    : eq(users.role, "rep");
}

export function repIdsInScope(scope: ReadinessScope) {
  return getDb().select({ id: users.id }).from(users).where(repsInScope(scope));
}

export type ViewerScope = {
  scope: ReadinessScope | null;
  /** The team shown, if one is. */
  team: Team | null;
};

/**
 * A manager sees their own team whatever the query asks; an admin everyone, or one team, by id
 * or by name. A team that matches nothing shows nobody rather than everyone.
 */
export function resolveViewerScope({
  viewer,
  teamId,
}: {
  viewer: User;
  teamId?: string;
}): ViewerScope {
  if (viewer.role === "admin") {
    const team = teamId ? (getTeamById({ id: teamId }) ?? getTeamByName({ name: teamId })) : null;
    return { scope: teamId ? (team ? { teamId: team.id } : null) : { all: true }, team };
  }
  const team = viewer.role === "manager" ? getTeamLedBy({ managerId: viewer.id }) : null;
  return { scope: team ? { teamId: team.id } : null, team };
}

/** Everyone's figures move slowly and cost seconds at ten thousand reps: kept for five minutes. */
const orgWideTtlMs = 5 * 60_000;

const scopeKey = (scope: ReadinessScope, key: string) =>
  "teamId" in scope ? `team:${scope.teamId}:${key}` : `all:${key}`;

/**
 * A team's aggregate, recomputed once anything was written since; the whole organisation's, at
 * most five minutes old.
 */
export function aggregateFor<T>(scope: ReadinessScope, key: string, compute: () => T): T {
  return "teamId" in scope
    ? exactAggregateFor(scope, key, compute)
    : cachedFor({ key: scopeKey(scope, key), ttlMs: orgWideTtlMs, compute }).value;
}

/** A figure over a team or the organisation, recomputed only once something was written since. */
export function exactAggregateFor<T>(scope: ReadinessScope, key: string, compute: () => T): T {
  return cachedWhile({ key: scopeKey(scope, key), version: getDatabaseVersion(), compute });
}
