import { createPrng } from "./bench-prng";
import {
  expectedStatus,
  planPair,
  scenarioBlock,
  scenarioFor,
  scenarios,
  wrongBudget,
  type PlanProduct,
} from "./bench-plan";

const day = 86_400_000;
const now = Date.parse("2026-12-01T00:00:00Z");
const product: PlanProduct = {
  slug: "p",
  policy: { passMark: 0.8, validDays: 365, refreshGraceDays: 14 },
  revised: { recent: 1, old: 2 },
  modules: ["a", "b", "c", "d"].map((slug, i) => ({
    slug,
    title: slug.toUpperCase(),
    revision: i === 1 || i === 2 ? 2 : 1,
    sourceHash: `${slug}-now`,
    previousHash: i === 1 || i === 2 ? `${slug}-r1` : null,
    revisionSeenAt: i === 1 ? now - 5 * day : i === 2 ? now - 30 * day : now - 600 * day,
    duration: 20,
    quizzes: Array.from({ length: 5 }, (_, q) => ({
      id: `${slug}${q}`,
      correct: ["1"],
      wrong: "0",
    })),
  })),
};

describe("wrongBudget", () => {
  it("allows exactly the misses that still reach the pass mark", () => {
    expect(wrongBudget({ quizCount: 15, passMark: 0.8 })).toBe(3);
    expect(wrongBudget({ quizCount: 4, passMark: 0.8 })).toBe(0);
    expect(wrongBudget({ quizCount: 10, passMark: 0.7 })).toBe(3);
  });
});

describe("scenarioFor", () => {
  it("plays every scenario in each block of 20 pairs", () => {
    const prng = createPrng(3);
    const block = Array.from({ length: scenarioBlock.length }, (_, index) =>
      scenarioFor({ index: index + 40, prng }),
    );
    expect(new Set(block)).toEqual(new Set(scenarios));
  });
});

describe("planPair", () => {
  const plan = (scenario: (typeof scenarios)[number]) =>
    planPair({ product, scenario, prng: createPrng(scenario), now, pairKey: `u/${scenario}` });

  it("writes nothing for a rep who has not started", () => {
    expect(plan("not_started")).toMatchObject({
      progress: [],
      attempts: [],
      certification: null,
      repStatus: null,
    });
  });

  it("keeps every row in the past and in time order per question", () => {
    for (const scenario of scenarios) {
      const p = plan(scenario);
      expect(p.repStatus?.status ?? "not_started").toBe(expectedStatus[scenario]);
      for (const a of p.attempts) expect(a.attemptedAt).toBeLessThan(now);
      for (const r of p.progress) expect(r.completedAt ?? r.firstOpenedAt).toBeLessThan(now);
    }
  });

  it("certifies on revision 1 of the revised modules and re-takes them after they changed", () => {
    const p = plan("certified_refreshed");
    const modules = JSON.parse(p.certification!.modules) as {
      slug: string;
      revision: number;
      sourceHash: string;
    }[];
    expect(modules.map((m) => [m.slug, m.revision, m.sourceHash])).toEqual([
      ["a", 1, "a-now"],
      ["b", 2, "b-now"],
      ["c", 2, "c-now"],
      ["d", 1, "d-now"],
    ]);
    const retakes = p.attempts.filter((a) => a.moduleRevision === 2);
    expect(retakes.every((a) => a.attemptedAt > now - 30 * day)).toBe(true);
    expect(p.attempts.some((a) => a.moduleSlug === "b" && a.moduleRevision === 1)).toBe(true);
  });

  it("dates a refresh from the recent change and a lapse from the old one", () => {
    expect(plan("refresh_due").repStatus).toMatchObject({
      refreshDeadline: now - 5 * day + 14 * day,
      refreshModules: '["b"]',
      eligible: true,
    });
    expect(plan("lapsed").repStatus).toMatchObject({
      refreshDeadline: now - 30 * day + 14 * day,
      refreshModules: '["b","c"]',
      eligible: false,
    });
  });

  it("misses the pass mark on first attempts when it should, and only then", () => {
    const below = plan("below_pass_mark");
    const first = new Map<string, boolean>();
    for (const a of below.attempts) if (!first.has(a.quizId)) first.set(a.quizId, a.correct);
    expect([...first.values()].filter(Boolean).length / 20).toBeLessThan(0.8);
    expect(plan("certified_recent").certification!.score).toBeGreaterThanOrEqual(0.8);
  });

  it("lets a certification expire a year after it was issued", () => {
    const p = plan("expired");
    expect(p.certification!.expiresAt).toBeLessThan(now);
    expect(p.certification!.expiresAt - p.certification!.issuedAt).toBe(365 * day);
  });
});
