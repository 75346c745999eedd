import {
  deriveCertificationStatus,
  type CertificationSnapshot,
  type CertificationStatus,
  type CurrentModule,
  type ProgressRow,
  type StatusPolicy,
} from "./certification-status";

/** Pure: what a content change does to the reps certified on a product, by the existing status rules. */

export type CertifiedRep = {
  rep: { id: string; name: string; email: string };
  certification: CertificationSnapshot;
  progress: ProgressRow[];
  roundStartedAt: Date | null;
};

export type ModuleRevision = { slug: string; title: string; revision: number };

export type RevisionChange = {
  slug: string;
  title: string;
  /** null: the module is not served yet (new on disk). */
  liveRevision: number | null;
  /** null: the module is gone from the folder. */
  nextRevision: number | null;
};

export type Standing = { status: CertificationStatus; refreshDeadline: Date | null };

export type RepImpact = {
  rep: CertifiedRep["rep"];
  before: Standing;
  after: Standing;
  /** The modules this change adds to the rep's re-takes. */
  modules: { slug: string; title: string; fromRevision: number | null; toRevision: number }[];
};

/** Modules whose revision differs between what is live and a folder (added and removed ones too). */
export function revisionChanges({
  live,
  next,
}: {
  live: ModuleRevision[];
  next: ModuleRevision[];
}): RevisionChange[] {
  const liveBySlug = new Map(live.map((m) => [m.slug, m]));
  const nextSlugs = new Set(next.map((m) => m.slug));
  const changed: RevisionChange[] = next
    .filter((m) => liveBySlug.get(m.slug)?.revision !== m.revision)
    .map((m) => ({
      slug: m.slug,
      title: m.title,
      liveRevision: liveBySlug.get(m.slug)?.revision ?? null,
      nextRevision: m.revision,
    }));
  const removed = live
    .filter((m) => !nextSlugs.has(m.slug))
    .map((m) => ({ slug: m.slug, title: m.title, liveRevision: m.revision, nextRevision: null }));
  return [...changed, ...removed];
}

/**
 * The track as it would stand once `next` goes live `now`: a revision already live keeps the date it
 * was first seen, a new one counts from now (that is when reps would first be served it).
 */
export function trackAfterChange({
  live,
  next,
  now,
}: {
  live: CurrentModule[];
  next: ModuleRevision[];
  now: Date;
}): CurrentModule[] {
  const liveBySlug = new Map(live.map((m) => [m.slug, m]));
  return next.map((m) => {
    const current = liveBySlug.get(m.slug);
    return {
      slug: m.slug,
      title: m.title,
      revision: m.revision,
      revisionSeenAt: current?.revision === m.revision ? current.revisionSeenAt : now,
    };
  });
}

function standingOf(
  rep: CertifiedRep,
  { policy, modules, now }: { policy: StatusPolicy; modules: CurrentModule[]; now: Date },
) {
  return deriveCertificationStatus({
    certification: rep.certification,
    policy,
    modules,
    progress: rep.progress,
    // Every rep here holds a certification, so answers cannot change their status.
    attempts: [],
    roundStartedAt: rep.roundStartedAt,
    now,
  });
}

/**
 * Every rep whose certification the change touches: it gains a module to re-take. An expired
 * certification is not touched (the whole track is re-taken anyway).
 */
export function changeImpact({
  reps,
  policy,
  live,
  next,
  now,
}: {
  reps: CertifiedRep[];
  policy: StatusPolicy;
  live: CurrentModule[];
  next: CurrentModule[];
  now: Date;
}): RepImpact[] {
  const impacts: RepImpact[] = [];
  for (const rep of reps) {
    const before = standingOf(rep, { policy, modules: live, now });
    if (before.status === "expired") continue;
    const after = standingOf(rep, { policy, modules: next, now });
    const had = new Set(before.modulesToRefresh.map((m) => `${m.slug}@${m.currentRevision}`));
    const added = after.modulesToRefresh.filter((m) => !had.has(`${m.slug}@${m.currentRevision}`));
    if (added.length === 0) continue;
    impacts.push({
      rep: rep.rep,
      before: { status: before.status, refreshDeadline: before.refreshDeadline },
      after: { status: after.status, refreshDeadline: after.refreshDeadline },
      modules: added.map((m) => ({
        slug: m.slug,
        title: m.title,
        fromRevision: m.certifiedRevision,
        toRevision: m.currentRevision,
      })),
    });
  }
  return impacts.sort((a, b) => a.rep.email.localeCompare(b.rep.email));
}

/** The track with one module raised by a revision: what an author's next bump of it would do. */
export function trackWithBump({
  live,
  slug,
  now,
}: {
  live: CurrentModule[];
  slug: string;
  now: Date;
}): CurrentModule[] {
  return live.map((m) =>
    m.slug === slug ? { ...m, revision: m.revision + 1, revisionSeenAt: now } : m,
  );
}

export type RefreshProgress = {
  slug: string;
  title: string;
  revision: number;
  liveSince: Date;
  /** Certified before this revision went live, and not expired. */
  affected: number;
  retaken: number;
  due: { rep: CertifiedRep["rep"]; status: CertificationStatus; refreshDeadline: Date | null }[];
};

/**
 * How far the reps a live revision moved to "refresh due" have got: those certified before it went
 * live (and not expired) are affected; a rep no longer owing the module has re-taken it.
 */
export function refreshProgress({
  reps,
  policy,
  live,
  slug,
  previousRevision,
  now,
}: {
  reps: CertifiedRep[];
  policy: StatusPolicy;
  live: CurrentModule[];
  slug: string;
  /** The revision served before the current one; null when the module has only one revision. */
  previousRevision: number | null;
  now: Date;
}): RefreshProgress | null {
  const module = live.find((m) => m.slug === slug);
  if (!module?.revisionSeenAt || previousRevision === null) return null;
  const liveSince = module.revisionSeenAt;
  let affected = 0;
  const due: RefreshProgress["due"] = [];
  for (const rep of reps) {
    if (rep.certification.issuedAt >= liveSince) continue;
    const standing = standingOf(rep, { policy, modules: live, now });
    if (standing.status === "expired") continue;
    affected++;
    if (standing.modulesToRefresh.some((m) => m.slug === slug)) {
      due.push({
        rep: rep.rep,
        status: standing.status,
        refreshDeadline: standing.refreshDeadline,
      });
    }
  }
  return {
    slug,
    title: module.title,
    revision: module.revision,
    liveSince,
    affected,
    retaken: affected - due.length,
    due: due.sort((a, b) => a.rep.email.localeCompare(b.rep.email)),
  };
}
