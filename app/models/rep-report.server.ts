import { and, asc, eq } from "drizzle-orm";
import { trackRetakes, type User } from "#db/schema";
import { getModule } from "~/content/content.server";
import type { Product } from "~/content/types";
import { getDb } from "~/utils/db.server";
import { getStanding, listCertificationsForUser } from "./certification.server";
import { isClearedToPitch } from "./certification-status";
import { getLastActivity } from "./rep-activity.server";
import { minutesBetween, questionResults } from "./rep-report";

/** One rep's page for their manager: per product progress, answers, timings, history and dues. */
export async function getRepReport({
  rep,
  products,
  now = new Date(),
}: {
  rep: User;
  products: Product[];
  now?: Date;
}) {
  const history = listCertificationsForUser({ userId: rep.id });
  const retakes = getDb()
    .select()
    .from(trackRetakes)
    .where(and(eq(trackRetakes.userId, rep.id)))
    .orderBy(asc(trackRetakes.grantedAt))
    .all();
  const tracks = await Promise.all(
    products.map(async (product) => {
      const standing = getStanding({ userId: rep.id, product, now });
      const { report } = standing;
      const progress = new Map(standing.progress.map((p) => [p.moduleSlug, p]));
      const modules = await Promise.all(
        product.modules
          .filter((m) => m.status !== "unavailable")
          .map(async (m) => {
            const page = await getModule({ productSlug: product.slug, moduleSlug: m.slug });
            const row = progress.get(m.slug);
            return {
              slug: m.slug,
              title: m.title,
              revision: m.revision,
              complete: report.completedModules.includes(m.slug),
              completedRevision: row?.completedRevision ?? null,
              firstOpenedAt: row?.firstOpenedAt.toISOString() ?? null,
              completedAt: row?.completedAt?.toISOString() ?? null,
              minutes: row ? minutesBetween(row.firstOpenedAt, row.completedAt) : null,
              questions: questionResults({
                quizzes: (page?.quizKeys ?? []).map((k) => ({ id: k.id, question: k.question })),
                attempts: standing.attempts.filter((a) => a.moduleSlug === m.slug),
              }),
            };
          }),
      );
      return {
        slug: product.slug,
        name: product.name,
        status: report.status,
        cleared: isClearedToPitch(report.status),
        progress: report.progress,
        score: standing.score,
        passMark: product.policy.passMark,
        belowPassMark: standing.belowPassMark,
        expiresAt: report.expiresAt?.toISOString() ?? null,
        refreshDeadline: report.refreshDeadline?.toISOString() ?? null,
        modulesToRefresh: report.modulesToRefresh.map((m) => ({
          slug: m.slug,
          title: m.title,
          certifiedRevision: m.certifiedRevision,
          currentRevision: m.currentRevision,
        })),
        modules,
        certifications: history
          .filter((c) => c.productSlug === product.slug)
          .map((c) => ({
            state: c.state,
            issuedAt: c.issuedAt.toISOString(),
            expiresAt: c.expiresAt.toISOString(),
            refreshedAt: c.refreshedAt?.toISOString() ?? null,
            score: c.score,
            modules: c.modules.map((m) => ({ slug: m.slug, title: m.title, revision: m.revision })),
          })),
        retakes: retakes
          .filter((r) => r.productSlug === product.slug)
          .map((r) => ({ grantedAt: r.grantedAt.toISOString(), scoreBefore: r.scoreBefore })),
      };
    }),
  );
  const lastActivity = getLastActivity({ scope: { all: true }, userId: rep.id }).get(rep.id);
  return { tracks, lastActivity: lastActivity?.toISOString() ?? null };
}
