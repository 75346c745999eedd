import { dayMs } from "~/utils/dates";

/** Pure: a rep's standing on one product, from their certification, progress, the content and the clock. */

export const certificationStatuses = [
  "not_started",
  "in_progress",
  "certified",
  "refresh_due",
  "lapsed",
  "expired",
] as const;
export type CertificationStatus = (typeof certificationStatuses)[number];

export const statusLabels: Record<CertificationStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  certified: "Certified",
  refresh_due: "Refresh due",
  lapsed: "Lapsed",
  expired: "Expired",
};

export type StatusPolicy = { validDays: number; refreshGraceDays: number };

export type CurrentModule = {
  slug: string;
  title: string;
  revision: number;
  /** When a source at this revision was first seen; null if never recorded. */
  revisionSeenAt: Date | null;
};

export type CertifiedModule = { slug: string; title: string; revision: number; sourceHash: string };

export type CertificationSnapshot = {
  issuedAt: Date;
  expiresAt: Date;
  modules: CertifiedModule[];
};

export type ProgressRow = {
  moduleSlug: string;
  firstOpenedAt: Date;
  completedAt: Date | null;
  completedRevision: number | null;
};

/** A knowledge-check answer; only when it was given matters to the status. */
export type AnswerTime = { attemptedAt: Date };

export type ModuleToRefresh = {
  slug: string;
  title: string;
  certifiedRevision: number | null;
  currentRevision: number;
  dueSince: Date;
};

export type StatusReport = {
  status: CertificationStatus;
  completedModules: string[];
  missingModules: { slug: string; title: string }[];
  modulesToRefresh: ModuleToRefresh[];
  /** Share of the current track complete, 0–1. */
  progress: number;
  expiresAt: Date | null;
  refreshDeadline: Date | null;
};

/** Work counts from the start of the rep's current round, and after an expiry only from the expiry. */
export function countingFrom({
  certification,
  roundStartedAt,
  now,
}: {
  certification: Pick<CertificationSnapshot, "expiresAt"> | null;
  roundStartedAt: Date | null;
  now: Date;
}): Date {
  const expiredAt =
    certification && now >= certification.expiresAt ? certification.expiresAt.getTime() : 0;
  return new Date(Math.max(roundStartedAt?.getTime() ?? 0, expiredAt));
}

export function deriveCertificationStatus({
  certification,
  policy,
  modules,
  progress,
  attempts,
  roundStartedAt,
  now,
}: {
  certification: CertificationSnapshot | null;
  policy: StatusPolicy;
  modules: CurrentModule[];
  progress: ProgressRow[];
  /** Knowledge-check answers; those before the round counts from are ignored. */
  attempts: AnswerTime[];
  roundStartedAt: Date | null;
  now: Date;
}): StatusReport {
  const expired = certification !== null && now >= certification.expiresAt;
  const countFrom = countingFrom({ certification, roundStartedAt, now }).getTime();
  const completedAtRevision = new Map<string, number>();
  for (const row of progress) {
    if (
      row.completedAt &&
      row.completedAt.getTime() >= countFrom &&
      row.completedRevision !== null
    ) {
      completedAtRevision.set(row.moduleSlug, row.completedRevision);
    }
  }
  // Opening a module is looking, not learning: a track is under way from a real answer or a completion.
  const started =
    completedAtRevision.size > 0 || attempts.some((a) => a.attemptedAt.getTime() >= countFrom);
  const isComplete = (m: CurrentModule) => (completedAtRevision.get(m.slug) ?? 0) >= m.revision;
  const completedModules = modules.filter(isComplete).map((m) => m.slug);
  const missingModules = modules
    .filter((m) => !isComplete(m))
    .map((m) => ({ slug: m.slug, title: m.title }));
  const share = modules.length ? completedModules.length / modules.length : 0;

  if (!certification || expired) {
    return {
      status: expired ? "expired" : started ? "in_progress" : "not_started",
      completedModules,
      missingModules,
      modulesToRefresh: [],
      progress: share,
      expiresAt: certification?.expiresAt ?? null,
      refreshDeadline: null,
    };
  }

  const certified = new Map(certification.modules.map((m) => [m.slug, m]));
  const modulesToRefresh: ModuleToRefresh[] = [];
  for (const module of modules) {
    const certifiedRevision = certified.get(module.slug)?.revision ?? null;
    if (certifiedRevision !== null && certifiedRevision >= module.revision) continue;
    if (isComplete(module)) continue;
    const seen = module.revisionSeenAt ?? now;
    const dueSince = new Date(Math.max(seen.getTime(), certification.issuedAt.getTime()));
    modulesToRefresh.push({
      slug: module.slug,
      title: module.title,
      certifiedRevision,
      currentRevision: module.revision,
      dueSince,
    });
  }
  const firstDue = Math.min(...modulesToRefresh.map((m) => m.dueSince.getTime()));
  const refreshDeadline = modulesToRefresh.length
    ? new Date(firstDue + policy.refreshGraceDays * dayMs)
    : null;
  const status: CertificationStatus = !refreshDeadline
    ? "certified"
    : now >= refreshDeadline
      ? "lapsed"
      : "refresh_due";
  return {
    status,
    completedModules,
    missingModules: [],
    modulesToRefresh,
    progress: modules.length ? (modules.length - modulesToRefresh.length) / modules.length : 1,
    expiresAt: certification.expiresAt,
    refreshDeadline,
  };
}

/** Cleared to pitch: certified, or a refresh is due but still inside its grace period. */
export function isClearedToPitch(status: CertificationStatus): boolean {
  return status === "certified" || status === "refresh_due";
}
