import { expect, test } from "vitest";
import { dayMs } from "~/utils/dates";
import {
  changeImpact,
  refreshProgress,
  revisionChanges,
  trackAfterChange,
  trackWithBump,
  type CertifiedRep,
} from "./change-impact";
import type { CurrentModule } from "./certification-status";

const now = new Date("2026-12-01T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * dayMs);
const policy = { validDays: 365, refreshGraceDays: 14 };

const live: CurrentModule[] = [
  { slug: "connect", title: "Connect", revision: 1, revisionSeenAt: daysAgo(100) },
  { slug: "rules", title: "Rules", revision: 2, revisionSeenAt: daysAgo(3) },
];

function rep(
  local: string,
  {
    issuedDaysAgo,
    rules,
    retookRules = false,
    validDays = 365,
  }: {
    issuedDaysAgo: number;
    rules: number;
    retookRules?: boolean;
    validDays?: number;
  },
): CertifiedRep {
  return {
    rep: { id: local, name: local.toUpperCase(), email: `${local}@example.test` },
    certification: {
      issuedAt: daysAgo(issuedDaysAgo),
      expiresAt: new Date(daysAgo(issuedDaysAgo).getTime() + validDays * dayMs),
      modules: [
        { slug: "connect", title: "Connect", revision: 1, sourceHash: "c" },
        { slug: "rules", title: "Rules", revision: rules, sourceHash: "r" },
      ],
    },
    progress: retookRules
      ? [
          {
            moduleSlug: "rules",
            firstOpenedAt: daysAgo(50),
            completedAt: daysAgo(2),
            completedRevision: 2,
          },
        ]
      : [],
    roundStartedAt: daysAgo(issuedDaysAgo + 5),
  };
}

// The demo story: one rep re-took the changed module, one still owes it, one expired long ago.
const retook = rep("retook", { issuedDaysAgo: 40, rules: 1, retookRules: true });
const owes = rep("owes", { issuedDaysAgo: 55, rules: 1 });
const expired = rep("expired", { issuedDaysAgo: 400, rules: 1, validDays: 365 });
const reps = [owes, retook, expired];

test("revisionChanges lists raised, new and removed modules and leaves unchanged ones out", () => {
  expect(
    revisionChanges({
      live,
      next: [
        { slug: "connect", title: "Connect", revision: 1 },
        { slug: "rules", title: "Rules", revision: 3 },
        { slug: "export", title: "Export", revision: 1 },
      ],
    }),
  ).toEqual([
    { slug: "rules", title: "Rules", liveRevision: 2, nextRevision: 3 },
    { slug: "export", title: "Export", liveRevision: null, nextRevision: 1 },
  ]);
  expect(revisionChanges({ live, next: [live[0]] })).toEqual([
    { slug: "rules", title: "Rules", liveRevision: 2, nextRevision: null },
  ]);
});

test("bumping a module a rep re-took moves them from certified to refresh due, lapsing after the grace period", () => {
  const next = trackWithBump({ live, slug: "rules", now });
  const impact = changeImpact({ reps, policy, live, next, now });
  expect(impact.map((i) => i.rep.email)).toEqual(["owes@example.test", "retook@example.test"]);
  const [forOwes, forRetook] = impact;
  expect(forRetook.before).toEqual({ status: "certified", refreshDeadline: null });
  expect(forRetook.after).toEqual({
    status: "refresh_due",
    refreshDeadline: new Date(now.getTime() + 14 * dayMs),
  });
  expect(forRetook.modules).toEqual([
    { slug: "rules", title: "Rules", fromRevision: 1, toRevision: 3 },
  ]);
  // Already due on revision 2; revision 3 counts from when it goes live, so the deadline moves.
  expect(forOwes.before.status).toBe("refresh_due");
  expect(forOwes.before.refreshDeadline).toEqual(new Date(daysAgo(3).getTime() + 14 * dayMs));
  expect(forOwes.after.refreshDeadline).toEqual(new Date(now.getTime() + 14 * dayMs));
});

test("bumping another module adds it to a rep's re-takes without moving their first deadline", () => {
  const next = trackWithBump({ live, slug: "connect", now });
  const impact = changeImpact({ reps, policy, live, next, now });
  const forOwes = impact.find((i) => i.rep.id === "owes");
  expect(forOwes?.after.status).toBe("refresh_due");
  expect(forOwes?.after.refreshDeadline).toEqual(forOwes?.before.refreshDeadline);
  expect(forOwes?.modules.map((m) => m.slug)).toEqual(["connect"]);
});

test("a change that raises nothing touches nobody, and an expired certification is never touched", () => {
  expect(changeImpact({ reps, policy, live, next: live, now })).toEqual([]);
  const next = trackWithBump({ live, slug: "rules", now });
  expect(changeImpact({ reps: [expired], policy, live, next, now })).toEqual([]);
});

test("a new module in the folder is owed by every certified rep once it goes live", () => {
  const next = trackAfterChange({
    live,
    next: [...live, { slug: "export", title: "Export", revision: 1 }],
    now,
  });
  expect(next[0].revisionSeenAt).toEqual(live[0].revisionSeenAt);
  expect(next[2].revisionSeenAt).toEqual(now);
  const impact = changeImpact({ reps, policy, live, next, now });
  expect(impact.map((i) => [i.rep.id, i.modules[0].fromRevision])).toEqual([
    ["owes", null],
    ["retook", null],
  ]);
});

test("refresh progress counts the reps certified before the revision went live and who re-took it", () => {
  const certifiedAfter = rep("later", { issuedDaysAgo: 1, rules: 2 });
  const progress = refreshProgress({
    reps: [...reps, certifiedAfter],
    policy,
    live,
    slug: "rules",
    previousRevision: 1,
    now,
  });
  expect(progress).toMatchObject({ revision: 2, affected: 2, retaken: 1 });
  expect(progress?.due.map((d) => [d.rep.id, d.status])).toEqual([["owes", "refresh_due"]]);
  expect(
    refreshProgress({ reps, policy, live, slug: "connect", previousRevision: null, now }),
  ).toBeNull();
});
