import type { Product } from "~/content/types";
import { describeEligibility, type PitchEligibility } from "./eligibility.server";
import { canGrantRetake } from "./retake.server";
import { getStandings } from "./standings.server";
import { dayMs } from "~/utils/dates";

export type ProductOverview = {
  slug: string;
  name: string;
  summary: string;
  moduleCount: number;
  totalMinutes: number;
  weeks: number;
  progress: number;
  /** What is left to do now: modules to re-take after a change, or still to complete. */
  left: { modules: number; minutes: number; kind: "complete" | "retake" };
  nextModule: { slug: string; title: string; reason: "start" | "continue" | "refresh" } | null;
  eligibility: PitchEligibility;
  expiringSoon: boolean;
  /** Track done below the pass mark: only a manager's re-take grant lets the rep try again. */
  retakeNeeded: boolean;
};

export function getProductOverviews({
  userId,
  products,
  now = new Date(),
}: {
  userId: string;
  products: Product[];
  now?: Date;
}): ProductOverview[] {
  const standings = getStandings({ of: products.map((product) => ({ userId, product })), now });
  return products.map((product, index) => {
    const standing = standings[index];
    const { report } = standing;
    const refresh = report.modulesToRefresh[0];
    const missing = report.missingModules[0];
    const nextModule = refresh
      ? { slug: refresh.slug, title: refresh.title, reason: "refresh" as const }
      : missing && report.status !== "certified"
        ? {
            ...missing,
            reason: report.completedModules.length ? ("continue" as const) : ("start" as const),
          }
        : null;
    const toDo = new Set(
      (report.modulesToRefresh.length ? report.modulesToRefresh : report.missingModules).map(
        (m) => m.slug,
      ),
    );
    const leftModules =
      report.status === "certified" ? [] : product.modules.filter((m) => toDo.has(m.slug));
    const weeks = new Set(product.modules.map((m) => m.week).filter((w) => w !== null));
    return {
      slug: product.slug,
      name: product.name,
      summary: product.summary,
      moduleCount: product.modules.length,
      totalMinutes: product.modules.reduce((sum, m) => sum + (m.duration ?? 0), 0),
      weeks: weeks.size,
      progress: report.progress,
      left: {
        modules: leftModules.length,
        minutes: leftModules.reduce((sum, m) => sum + (m.duration ?? 0), 0),
        kind: report.modulesToRefresh.length ? "retake" : "complete",
      },
      nextModule,
      eligibility: describeEligibility({ product, standing }),
      expiringSoon:
        report.expiresAt !== null &&
        report.status !== "expired" &&
        report.expiresAt.getTime() - now.getTime() <= 30 * dayMs,
      retakeNeeded: canGrantRetake(standing),
    };
  });
}
