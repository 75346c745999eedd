import {
  deriveCertificationStatus,
  isClearedToPitch,
  type CertificationSnapshot,
  type CurrentModule,
  type ProgressRow,
} from "./certification-status";

const day = 24 * 60 * 60 * 1000;
const t0 = new Date("2026-01-10T09:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * day);
const policy = { validDays: 365, refreshGraceDays: 14 };

const modules = (revisions: Record<string, number>, seenAt: Date = t0): CurrentModule[] =>
  Object.entries(revisions).map(([slug, revision]) => ({
    slug,
    title: slug.toUpperCase(),
    revision,
    revisionSeenAt: seenAt,
  }));

const certifiedOn = (issued: Date, revisions: Record<string, number>): CertificationSnapshot => ({
  issuedAt: issued,
  expiresAt: new Date(issued.getTime() + policy.validDays * day),
  modules: Object.entries(revisions).map(([slug, revision]) => ({
    slug,
    title: slug,
    revision,
    sourceHash: `${slug}-${revision}`,
  })),
});

const opened = (slug: string, when: Date): ProgressRow => ({
  moduleSlug: slug,
  firstOpenedAt: when,
  completedAt: null,
  completedRevision: null,
});

const done = (slug: string, when: Date, revision = 1): ProgressRow => ({
  moduleSlug: slug,
  firstOpenedAt: when,
  completedAt: when,
  completedRevision: revision,
});

test("nothing opened is not started; one module done is in progress", () => {
  const base = {
    certification: null,
    policy,
    modules: modules({ a: 1, b: 1 }),
    attempts: [],
    roundStartedAt: null,
    now: t0,
  };
  expect(deriveCertificationStatus({ ...base, progress: [] }).status).toBe("not_started");
  const report = deriveCertificationStatus({ ...base, progress: [done("a", t0)] });
  expect(report.status).toBe("in_progress");
  expect(report.progress).toBe(0.5);
  expect(report.missingModules).toEqual([{ slug: "b", title: "B" }]);
});

test("opening modules is not a start; the first answer is, whether right or wrong", () => {
  const base = {
    certification: null,
    policy,
    modules: modules({ a: 1, b: 1 }),
    progress: [opened("a", t0), opened("b", at(1))],
    roundStartedAt: null,
    now: at(2),
  };
  const onlyOpened = deriveCertificationStatus({ ...base, attempts: [] });
  expect(onlyOpened.status).toBe("not_started");
  expect(onlyOpened.progress).toBe(0);
  const answered = deriveCertificationStatus({ ...base, attempts: [{ attemptedAt: at(1.5) }] });
  expect(answered.status).toBe("in_progress");
  expect(answered.progress).toBe(0);
});

test("answers from before a re-take was granted do not start the new round", () => {
  const base = {
    certification: null,
    policy,
    modules: modules({ a: 1, b: 1 }),
    progress: [opened("a", t0)],
    roundStartedAt: at(10),
    now: at(11),
  };
  expect(deriveCertificationStatus({ ...base, attempts: [{ attemptedAt: at(5) }] }).status).toBe(
    "not_started",
  );
  expect(deriveCertificationStatus({ ...base, attempts: [{ attemptedAt: at(10.5) }] }).status).toBe(
    "in_progress",
  );
});

test("a revision bump makes a refresh due for that module only, then re-taking restores certified", () => {
  const certification = certifiedOn(t0, { a: 1, b: 1, c: 1 });
  const progress = [done("a", t0), done("b", t0), done("c", t0)];
  const current = [
    ...modules({ a: 1, c: 1 }),
    { slug: "b", title: "B", revision: 2, revisionSeenAt: at(30) },
  ];
  const due = deriveCertificationStatus({
    certification,
    policy,
    modules: current,
    progress,
    attempts: [],
    roundStartedAt: t0,
    now: at(31),
  });
  expect(due.status).toBe("refresh_due");
  expect(due.modulesToRefresh.map((m) => [m.slug, m.certifiedRevision, m.currentRevision])).toEqual(
    [["b", 1, 2]],
  );
  expect(due.refreshDeadline).toEqual(at(44));
  expect(isClearedToPitch(due.status)).toBe(true);

  const retaken = deriveCertificationStatus({
    certification,
    policy,
    modules: current,
    progress: [...progress.filter((p) => p.moduleSlug !== "b"), done("b", at(32), 2)],
    attempts: [],
    roundStartedAt: t0,
    now: at(33),
  });
  expect(retaken.status).toBe("certified");
  expect(retaken.modulesToRefresh).toEqual([]);
});

test("once the grace period passes without a refresh, the certification has lapsed", () => {
  const certification = certifiedOn(t0, { a: 1, b: 1 });
  const current = [
    ...modules({ a: 1 }),
    { slug: "b", title: "B", revision: 2, revisionSeenAt: at(30) },
  ];
  const base = {
    certification,
    policy,
    modules: current,
    progress: [done("a", t0), done("b", t0)],
    attempts: [],
    roundStartedAt: t0,
  };
  expect(deriveCertificationStatus({ ...base, now: at(43.9) }).status).toBe("refresh_due");
  const lapsed = deriveCertificationStatus({ ...base, now: at(44) });
  expect(lapsed.status).toBe("lapsed");
  expect(isClearedToPitch(lapsed.status)).toBe(false);
});

test("after validDays the certification has expired and earlier work no longer counts", () => {
  const certification = certifiedOn(t0, { a: 1, b: 1 });
  const base = {
    certification,
    policy,
    modules: modules({ a: 1, b: 1 }),
    attempts: [],
    roundStartedAt: t0,
  };
  const progress = [done("a", t0), done("b", t0)];
  expect(deriveCertificationStatus({ ...base, progress, now: at(364) }).status).toBe("certified");
  const expired = deriveCertificationStatus({ ...base, progress, now: at(365) });
  expect(expired.status).toBe("expired");
  expect(expired.completedModules).toEqual([]);
  expect(isClearedToPitch(expired.status)).toBe(false);
  const retaking = deriveCertificationStatus({
    ...base,
    progress: [...progress, done("a", at(366))],
    now: at(367),
  });
  expect(retaking.status).toBe("expired");
  expect(retaking.completedModules).toEqual(["a"]);
});

test("a source change at the same revision changes nothing", () => {
  const certification = certifiedOn(t0, { a: 1, b: 1 });
  const report = deriveCertificationStatus({
    certification,
    policy,
    modules: modules({ a: 1, b: 1 }, at(50)),
    progress: [done("a", t0), done("b", t0)],
    attempts: [],
    roundStartedAt: t0,
    now: at(100),
  });
  expect(report.status).toBe("certified");
});

test("a module added after certification must be taken as a refresh", () => {
  const certification = certifiedOn(t0, { a: 1 });
  const current = [
    ...modules({ a: 1 }),
    { slug: "new", title: "NEW", revision: 1, revisionSeenAt: at(10) },
  ];
  const report = deriveCertificationStatus({
    certification,
    policy,
    modules: current,
    progress: [done("a", t0)],
    attempts: [],
    roundStartedAt: t0,
    now: at(11),
  });
  expect(report.status).toBe("refresh_due");
  expect(report.modulesToRefresh[0]).toMatchObject({ slug: "new", certifiedRevision: null });
});

test("a module revised mid-track must be completed again at its new revision", () => {
  const report = deriveCertificationStatus({
    certification: null,
    policy,
    modules: modules({ a: 2, b: 1 }),
    progress: [done("a", t0, 1), done("b", t0)],
    attempts: [],
    roundStartedAt: null,
    now: at(1),
  });
  expect(report.completedModules).toEqual(["b"]);
});
