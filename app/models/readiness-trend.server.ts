import { and, gt, inArray, isNotNull } from "drizzle-orm";
import { certifications, moduleProgress } from "#db/schema";
import { dayMs } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { aggregateFor, repIdsInScope, type ReadinessScope } from "./rep-scope.server";
import { trendWeeks, weeklyTrend } from "./readiness-trend";

export function getReadinessTrend({
  scope,
  now = new Date(),
}: {
  scope: ReadinessScope;
  now?: Date;
}) {
  return aggregateFor(scope, `trend:${now.toISOString().slice(0, 10)}`, () =>
    weeklyTrendIn({ scope, now }),
  );
}

function weeklyTrendIn({ scope, now }: { scope: ReadinessScope; now: Date }) {
  const db = getDb();
  const ids = () => repIdsInScope(scope);
  const from = new Date(now.getTime() - trendWeeks * 7 * dayMs);
  const held = db
    .select({
      userId: certifications.userId,
      productSlug: certifications.productSlug,
      issuedAt: certifications.issuedAt,
      expiresAt: certifications.expiresAt,
    })
    .from(certifications)
    .where(and(inArray(certifications.userId, ids()), gt(certifications.expiresAt, from)))
    .all();
  const completions = db
    .select({ at: moduleProgress.completedAt })
    .from(moduleProgress)
    .where(
      and(
        inArray(moduleProgress.userId, ids()),
        isNotNull(moduleProgress.completedAt),
        gt(moduleProgress.completedAt, from),
      ),
    )
    .all()
    .flatMap((r) => (r.at ? [r.at] : []));
  return weeklyTrend({ certifications: held, completions, now });
}
