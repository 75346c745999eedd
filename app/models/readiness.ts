import type { QuizAttempt } from "#db/schema";
import {
  countingFrom,
  deriveCertificationStatus,
  isClearedToPitch,
  type CertificationSnapshot,
  type CertificationStatus,
  type CurrentModule,
  type ProgressRow,
  type StatusPolicy,
} from "./certification-status";

/** Pure: one rep's standing on one product, from rows read for a whole team at once. */

export type ReadinessProduct = {
  slug: string;
  name: string;
  policy: StatusPolicy & { passMark: number };
  /** The modules reps are served, with when their current revision was first seen. */
  modules: CurrentModule[];
  quizIds: string[];
};

export type ReadinessCell = {
  productSlug: string;
  status: CertificationStatus;
  cleared: boolean;
  /** Share of the current track complete, 0–1. */
  progress: number;
  completedModules: number;
  moduleCount: number;
  /** Track done below the pass mark: a manager may grant a re-take. */
  retakeNeeded: boolean;
  expiresAt: Date | null;
  refreshDeadline: Date | null;
  modulesToRefresh: { slug: string; title: string }[];
  missingModules: { slug: string; title: string }[];
};

export type CellInput = {
  product: ReadinessProduct;
  certification: CertificationSnapshot | null;
  roundStartedAt: Date | null;
  progress: ProgressRow[];
  now: Date;
};

/** Shares of first attempts right, as `firstAttemptScore` counts them (attempts oldest first). */
export function scoreOfFirstAttempts({
  attempts,
  quizIds,
}: {
  attempts: Pick<QuizAttempt, "quizId" | "correct">[];
  quizIds: string[];
}) {
  if (quizIds.length === 0) return 1;
  const first = new Map<string, boolean>();
  for (const a of attempts) if (!first.has(a.quizId)) first.set(a.quizId, a.correct);
  return quizIds.filter((id) => first.get(id) === true).length / quizIds.length;
}

export function deriveCell(input: CellInput) {
  const { product, certification, roundStartedAt, progress, now } = input;
  const report = deriveCertificationStatus({
    certification,
    policy: product.policy,
    modules: product.modules,
    progress,
    roundStartedAt,
    now,
  });
  const trackDone = report.missingModules.length === 0 && product.modules.length > 0;
  const uncertified = report.status === "in_progress" || report.status === "expired";
  const cell: ReadinessCell = {
    productSlug: product.slug,
    status: report.status,
    cleared: isClearedToPitch(report.status),
    progress: report.progress,
    completedModules: report.completedModules.length,
    moduleCount: product.modules.length,
    retakeNeeded: false,
    expiresAt: report.expiresAt,
    refreshDeadline: report.refreshDeadline,
    modulesToRefresh: report.modulesToRefresh.map((m) => ({ slug: m.slug, title: m.title })),
    missingModules: report.missingModules,
  };
  return {
    cell,
    /** The score decides the re-take only when the whole track is done without a certification. */
    needsScoreSince:
      trackDone && uncertified ? countingFrom({ certification, roundStartedAt, now }) : null,
  };
}

export function withScore({
  cell,
  product,
  attempts,
}: {
  cell: ReadinessCell;
  product: ReadinessProduct;
  attempts: Pick<QuizAttempt, "quizId" | "correct">[];
}): ReadinessCell {
  const score = scoreOfFirstAttempts({ attempts, quizIds: product.quizIds });
  return { ...cell, retakeNeeded: score < product.policy.passMark };
}
