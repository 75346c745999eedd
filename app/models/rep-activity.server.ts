import { sql } from "drizzle-orm";
import { getDb } from "~/utils/db.server";
import type { ReadinessScope } from "./rep-scope.server";

/** Each rep's last learning activity (module opened or completed, question answered), in one read. */
export function getLastActivity({
  scope,
  userId = null,
}: {
  scope: ReadinessScope;
  /** Only this rep's. */
  userId?: string | null;
}): Map<string, Date> {
  const teamId = "teamId" in scope ? scope.teamId : null;
  const rows = getDb().all<{ userId: string; at: number }>(sql`
    SELECT user_id AS userId, max(at) AS at FROM (
      SELECT user_id, max(coalesce(completed_at, first_opened_at), first_opened_at) AS at
        FROM module_progress
      UNION ALL
      SELECT user_id, attempted_at AS at FROM quiz_attempts
    )
    WHERE (${userId} IS NULL OR user_id = ${userId}) AND user_id IN (
      SELECT id FROM users WHERE role = 'rep' AND (${teamId} IS NULL OR team_id = ${teamId})
    )
    GROUP BY user_id`);
  return new Map(rows.map((r) => [r.userId, new Date(r.at)]));
}
