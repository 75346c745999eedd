import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { Prng } from "./bench-prng";

/**
 * Pure: what one rep did on one product, as the rows the app itself would have written. Each
 * scenario ends in a known status (the app's own standing must agree; the bench-data test checks).
 */

export const scenarios = [
  "not_started",
  "opened",
  "in_progress",
  "below_pass_mark",
  "certified_recent",
  "certified_refreshed",
  "refresh_due",
  "lapsed",
  "expired",
] as const;
export type Scenario = (typeof scenarios)[number];

/** One block of 20 rep×product pairs: shuffled per block, so even a small org has every scenario. */
export const scenarioBlock: Scenario[] = [
  ...Array<Scenario>(8).fill("not_started"),
  "opened",
  ...Array<Scenario>(3).fill("in_progress"),
  "below_pass_mark",
  "certified_recent",
  ...Array<Scenario>(2).fill("certified_refreshed"),
  ...Array<Scenario>(2).fill("refresh_due"),
  "lapsed",
  "expired",
];

/** The status the app should derive for each scenario. */
export const expectedStatus: Record<Scenario, string> = {
  not_started: "not_started",
  // Opening a module is not a start: the app keeps the pair, as not started.
  opened: "not_started",
  in_progress: "in_progress",
  below_pass_mark: "in_progress",
  certified_recent: "certified",
  certified_refreshed: "certified",
  refresh_due: "refresh_due",
  lapsed: "lapsed",
  expired: "expired",
};

export type PlanModule = {
  slug: string;
  title: string;
  revision: number;
  sourceHash: string;
  /** Revision 1's hash, for a module now at a later revision. */
  previousHash: string | null;
  /** When its current revision was first served (ms). */
  revisionSeenAt: number;
  duration: number;
  quizzes: { id: string; correct: string[]; wrong: string }[];
};

export type PlanProduct = {
  slug: string;
  modules: PlanModule[];
  policy: { passMark: number; validDays: number; refreshGraceDays: number };
  revised: { recent: number; old: number } | null;
};

export type ProgressRow = {
  moduleSlug: string;
  firstOpenedAt: number;
  completedAt: number | null;
  completedRevision: number | null;
  completedSourceHash: string | null;
};
export type AttemptRow = {
  moduleSlug: string;
  moduleRevision: number;
  quizId: string;
  selected: string;
  correct: boolean;
  attemptedAt: number;
};
export type CertificationRow = {
  id: string;
  issuedAt: number;
  expiresAt: number;
  score: number;
  modules: string;
  refreshedAt: number | null;
};
export type RepStatusRow = {
  status: string;
  eligible: boolean;
  certificationId: string | null;
  refreshDeadline: number | null;
  refreshModules: string;
  changedAt: number;
};
export type PairPlan = {
  scenario: Scenario;
  progress: ProgressRow[];
  attempts: AttemptRow[];
  certification: CertificationRow | null;
  repStatus: RepStatusRow | null;
};

const minute = 60_000;
const day = 86_400_000;

/** The most first-attempt misses that still reach the pass mark, by the app's own arithmetic. */
export function wrongBudget({ quizCount, passMark }: { quizCount: number; passMark: number }) {
  let wrong = 0;
  while (wrong < quizCount && (quizCount - (wrong + 1)) / quizCount >= passMark) wrong++;
  return wrong;
}

/** Which scenario pair number `index` plays (a fresh shuffle for every block of 20). */
export function scenarioFor({ index, prng }: { index: number; prng: Prng }): Scenario {
  const block = prng
    .fork(`block/${Math.floor(index / scenarioBlock.length)}`)
    .shuffle(scenarioBlock);
  return block[index % scenarioBlock.length];
}

/** 160 bits like the app's ids; the pair's own key keeps two pairs whose streams met apart. */
function certificationId(prng: Prng, pairKey: string) {
  const digest = sha256(new TextEncoder().encode(`${pairKey}/${prng.hex(20)}`));
  return encodeBase32LowerCaseNoPadding(digest.slice(0, 20));
}

type Walked = { revision: number; hash: string; completedAt: number };

export function planPair({
  product,
  scenario: wanted,
  prng,
  now,
  pairKey,
}: {
  product: PlanProduct;
  scenario: Scenario;
  prng: Prng;
  now: number;
  /** Unique per rep and product (e.g. `<userId>/<product>`). */
  pairKey: string;
}): PairPlan {
  // Without revised modules nobody can be due a refresh: those reps are simply certified.
  const needsRevision = ["certified_refreshed", "refresh_due", "lapsed"].includes(wanted);
  const scenario: Scenario = needsRevision && !product.revised ? "certified_recent" : wanted;
  const plan: PairPlan = {
    scenario,
    progress: [],
    attempts: [],
    certification: null,
    repStatus: null,
  };
  if (scenario === "not_started") return plan;
  const { modules, policy } = product;
  const quizCount = modules.reduce((n, m) => n + m.quizzes.length, 0);
  const progress = new Map<string, ProgressRow>();
  let last = 0;

  const walkModule = (module: PlanModule, at: number, wrongIds: Set<string>): Walked => {
    // A module walked before its current revision was served was walked at revision 1.
    const old = module.previousHash !== null && at < module.revisionSeenAt;
    const revision = old ? 1 : module.revision;
    const hash = old ? module.previousHash! : module.sourceHash;
    let t = at;
    const row = progress.get(module.slug);
    if (!row) {
      const fresh = {
        moduleSlug: module.slug,
        firstOpenedAt: t,
        completedAt: null,
        completedRevision: null,
        completedSourceHash: null,
      };
      progress.set(module.slug, fresh);
      plan.progress.push(fresh);
    }
    for (const quiz of module.quizzes) {
      t += prng.between(3, 15) * minute;
      const base = { moduleSlug: module.slug, moduleRevision: revision, quizId: quiz.id };
      if (wrongIds.has(quiz.id)) {
        plan.attempts.push({
          ...base,
          selected: JSON.stringify([quiz.wrong]),
          correct: false,
          attemptedAt: t,
        });
        t += prng.between(1, 5) * minute;
      }
      plan.attempts.push({
        ...base,
        selected: JSON.stringify(quiz.correct),
        correct: true,
        attemptedAt: t,
      });
    }
    t += module.duration * minute * prng.between(0.6, 1.4);
    const done = progress.get(module.slug)!;
    done.completedAt = t;
    done.completedRevision = revision;
    done.completedSourceHash = hash;
    last = Math.max(last, t);
    return { revision, hash, completedAt: t };
  };

  const chooseWrong = (count: number) => {
    const ids = prng.shuffle(modules.flatMap((m) => m.quizzes.map((q) => q.id)));
    return new Set(ids.slice(0, count));
  };

  /** Walks modules [0, count) from `start`, spread over `span`; opens the next one if any is left. */
  const walk = ({
    start,
    span,
    count,
    wrong,
  }: {
    start: number;
    span: number;
    count: number;
    wrong: Set<string>;
  }) => {
    const gap = span / Math.max(count, 1);
    let t = start;
    const walked: Walked[] = [];
    for (let i = 0; i < count; i++) {
      walked.push(walkModule(modules[i], t, wrong));
      t = Math.max(t + gap * prng.between(0.5, 0.9), last + 10 * minute);
    }
    if (count < modules.length) {
      const row = {
        moduleSlug: modules[count].slug,
        firstOpenedAt: t,
        completedAt: null,
        completedRevision: null,
        completedSourceHash: null,
      };
      progress.set(row.moduleSlug, row);
      plan.progress.push(row);
      last = Math.max(last, t);
    }
    return walked;
  };

  const snapshot = () =>
    JSON.stringify(
      modules.map((m) => {
        const row = progress.get(m.slug);
        return {
          slug: m.slug,
          title: m.title,
          revision: row?.completedRevision ?? m.revision,
          sourceHash: row?.completedSourceHash ?? m.sourceHash,
        };
      }),
    );
  const issue = (wrong: number) => {
    const issuedAt = last;
    plan.certification = {
      id: certificationId(prng, pairKey),
      issuedAt,
      expiresAt: issuedAt + policy.validDays * day,
      score: quizCount === 0 ? 1 : (quizCount - wrong) / quizCount,
      modules: snapshot(),
      refreshedAt: null,
    };
    return plan.certification;
  };
  const status = (row: Omit<RepStatusRow, "changedAt"> & { changedAt?: number }) => {
    plan.repStatus = { ...row, changedAt: row.changedAt ?? last };
  };
  const uncertified = (standing: "not_started" | "in_progress") =>
    status({
      status: standing,
      eligible: false,
      certificationId: null,
      refreshDeadline: null,
      refreshModules: "[]",
    });
  const budget = wrongBudget({ quizCount, passMark: policy.passMark });

  switch (scenario) {
    case "opened": {
      walk({ start: now - prng.between(1, 20) * day, span: day, count: 0, wrong: new Set() });
      uncertified("not_started");
      break;
    }
    case "in_progress": {
      const count = prng.int(1, Math.max(modules.length - 1, 1));
      const start = now - prng.between(2, 60) * day;
      walk({
        start,
        span: (now - 0.5 * day - start) * (count / modules.length),
        count: Math.min(count, modules.length - 1),
        wrong: chooseWrong(prng.int(0, count)),
      });
      uncertified("in_progress");
      break;
    }
    case "below_pass_mark": {
      let wrong = budget + 1;
      if (wrong > quizCount) wrong = quizCount;
      walk({
        start: now - 4.5 * day,
        span: 3.5 * day,
        count: modules.length,
        wrong: chooseWrong(wrong),
      });
      uncertified("in_progress");
      break;
    }
    case "certified_recent": {
      const wrong = prng.int(0, budget);
      walk({
        start: now - 4.5 * day,
        span: 3.5 * day,
        count: modules.length,
        wrong: chooseWrong(wrong),
      });
      const cert = issue(wrong);
      status({
        status: "certified",
        eligible: true,
        certificationId: cert.id,
        refreshDeadline: null,
        refreshModules: "[]",
      });
      break;
    }
    case "expired": {
      const wrong = prng.int(0, budget);
      const span = prng.between(10, 30) * day;
      walk({
        start: now - prng.between(400, 520) * day,
        span,
        count: modules.length,
        wrong: chooseWrong(wrong),
      });
      const cert = issue(wrong);
      status({
        status: "expired",
        eligible: false,
        certificationId: null,
        refreshDeadline: null,
        refreshModules: "[]",
        changedAt: cert.expiresAt,
      });
      break;
    }
    default: {
      // Certified on revision 1 of the revised modules, before either changed.
      const { recent, old } = product.revised!;
      const wrong = prng.int(0, budget);
      const span = prng.between(10, 30) * day;
      walk({
        start: now - prng.between(70, 300) * day,
        span,
        count: modules.length,
        wrong: chooseWrong(wrong),
      });
      const cert = issue(wrong);
      const oldModule = modules[old];
      const recentModule = modules[recent];
      const retake = (module: PlanModule, daysAgo: [number, number]) =>
        walkModule(module, now - prng.between(...daysAgo) * day, new Set());
      if (scenario === "lapsed") {
        const deadline = oldModule.revisionSeenAt + policy.refreshGraceDays * day;
        status({
          status: "lapsed",
          eligible: false,
          certificationId: cert.id,
          refreshDeadline: deadline,
          refreshModules: JSON.stringify([recentModule.slug, oldModule.slug]),
          changedAt: deadline,
        });
        break;
      }
      // Re-taken within its grace period (before the recent module changed).
      const oldSeenDaysAgo = (now - oldModule.revisionSeenAt) / day;
      const recentSeenDaysAgo = (now - recentModule.revisionSeenAt) / day;
      const refreshed = retake(oldModule, [recentSeenDaysAgo + 1, oldSeenDaysAgo - 1]);
      // Nothing else was due then, so the app moved the certification to the new revision.
      cert.modules = snapshot();
      cert.refreshedAt = refreshed.completedAt;
      if (scenario === "refresh_due") {
        const deadline = recentModule.revisionSeenAt + policy.refreshGraceDays * day;
        status({
          status: "refresh_due",
          eligible: true,
          certificationId: cert.id,
          refreshDeadline: deadline,
          refreshModules: JSON.stringify([recentModule.slug]),
          changedAt: recentModule.revisionSeenAt,
        });
        break;
      }
      const done = retake(recentModule, [0.5, recentSeenDaysAgo - 0.5]);
      cert.modules = snapshot();
      cert.refreshedAt = done.completedAt;
      status({
        status: "certified",
        eligible: true,
        certificationId: cert.id,
        refreshDeadline: null,
        refreshModules: "[]",
      });
    }
  }
  return plan;
}
