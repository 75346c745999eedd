import { moduleSources } from "#db/schema";
import { getDb } from "~/utils/db.server";
import { answerModule } from "../../tests/setup/answer-module";
import { makeUser } from "../../tests/setup/factories";
import { moduleFixture, productFixture, quizKey } from "../../tests/setup/product-fixture";
import type { Product } from "~/content/types";
import {
  completeModule,
  getActiveCertification,
  getStanding,
  listCertificationsForUser,
} from "./certification.server";
import { grantRetake } from "./retake.server";
import { answerQuiz } from "./quiz-attempt.server";

const day = 86_400_000;
const t0 = new Date("2026-02-02T10:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * day);

function pass({
  userId,
  product,
  moduleSlug,
  now,
}: {
  userId: string;
  product: Product;
  moduleSlug: string;
  now: Date;
}) {
  const module = product.modules.find((m) => m.slug === moduleSlug)!;
  answerModule({ userId, product, module, now });
  return completeModule({ userId, product, module, now });
}

function walkTrack(userId: string, product: Product, now: Date) {
  return product.modules.map((m) => pass({ userId, product, moduleSlug: m.slug, now }));
}

function recordRevision(product: Product, slug: string, revision: number, seenAt: Date) {
  getDb()
    .insert(moduleSources)
    .values({
      hash: `${product.slug}-${slug}-r${revision}`,
      productSlug: product.slug,
      moduleSlug: slug,
      path: `${slug}.mdx`,
      revision,
      source: `# ${slug} r${revision}`,
      firstSeenAt: seenAt,
    })
    .run();
}

test("a module cannot be completed before its knowledge checks are passed", async () => {
  const user = await makeUser();
  const product = productFixture();
  const result = completeModule({ userId: user.id, product, module: product.modules[1], now: t0 });
  expect(result).toEqual({ ok: false, message: expect.stringMatching(/2 left/) });
});

test("completing the last module issues one certification with every module's revision and source", async () => {
  const user = await makeUser();
  const product = productFixture();
  const results = walkTrack(user.id, product, t0);
  expect(results.slice(0, 2).every((r) => r.ok && !r.issued)).toBe(true);
  const last = results[2];
  expect(last.ok && last.issued).toBeTruthy();
  const cert = getActiveCertification({ userId: user.id, productSlug: product.slug })!;
  expect(cert.id.length * 5).toBeGreaterThanOrEqual(128);
  expect(cert.expiresAt).toEqual(at(365));
  expect(cert.score).toBe(1);
  expect(cert.modules).toEqual(
    product.modules.map((m) => ({
      slug: m.slug,
      title: m.title,
      revision: 1,
      sourceHash: m.sourceHash,
    })),
  );
  expect(getStanding({ userId: user.id, product, now: at(1) }).report.status).toBe("certified");
});

test("a first-attempt score under the pass mark withholds the certification until a manager grants a re-take", async () => {
  const user = await makeUser();
  const product = productFixture({
    policy: { passMark: 0.8, validDays: 365, refreshGraceDays: 14, maxAttemptsPerDay: 3 },
  });
  for (const module of product.modules) {
    for (const id of module.quizIds) {
      const base = {
        userId: user.id,
        productSlug: product.slug,
        module,
        key: quizKey(id),
        policy: product.policy,
      };
      answerQuiz({ ...base, selected: ["0"], now: t0 });
      answerQuiz({ ...base, selected: ["1"], now: t0 });
    }
    completeModule({ userId: user.id, product, module, now: t0 });
  }
  const standing = getStanding({ userId: user.id, product, now: t0 });
  expect(standing.belowPassMark).toBe(true);
  expect(getActiveCertification({ userId: user.id, productSlug: product.slug })).toBeNull();
  const manager = await makeUser({ role: "manager" });
  expect(grantRetake({ userId: user.id, product, grantedById: manager.id, now: at(1) })).toEqual({
    ok: true,
  });
  expect(getStanding({ userId: user.id, product, now: at(1) }).report.status).toBe("not_started");
  walkTrack(user.id, product, at(2));
  expect(getActiveCertification({ userId: user.id, productSlug: product.slug })?.score).toBe(1);
});

test("revision bump → refresh due for that module only → re-take → certified, rest untouched", async () => {
  const user = await makeUser();
  const product = productFixture();
  walkTrack(user.id, product, t0);
  const issued = getActiveCertification({ userId: user.id, productSlug: product.slug })!;

  const revised: Product = {
    ...product,
    modules: [product.modules[0], moduleFixture("b", ["q2", "q3"], 2), product.modules[2]],
  };
  recordRevision(product, "b", 2, at(10));
  const due = getStanding({ userId: user.id, product: revised, now: at(11) }).report;
  expect(due.status).toBe("refresh_due");
  expect(due.modulesToRefresh.map((m) => m.slug)).toEqual(["b"]);
  expect(due.refreshDeadline).toEqual(at(24));

  expect(
    completeModule({ userId: user.id, product: revised, module: revised.modules[1], now: at(12) }),
  ).toMatchObject({ ok: false });
  expect(pass({ userId: user.id, product: revised, moduleSlug: "b", now: at(12) })).toEqual({
    ok: true,
    issued: null,
    refreshed: true,
  });
  const after = getActiveCertification({ userId: user.id, productSlug: product.slug })!;
  expect(after.id).toBe(issued.id);
  expect(after.issuedAt).toEqual(issued.issuedAt);
  expect(after.expiresAt).toEqual(issued.expiresAt);
  expect(after.modules.map((m) => [m.slug, m.revision, m.sourceHash])).toEqual([
    ["a", 1, "a-hash-r1"],
    ["b", 2, "b-hash-r2"],
    ["c", 1, "c-hash-r1"],
  ]);
  expect(getStanding({ userId: user.id, product: revised, now: at(13) }).report.status).toBe(
    "certified",
  );
});

test("grace over → lapsed; validDays over → expired and the whole track is re-taken", async () => {
  const user = await makeUser();
  const product = productFixture();
  walkTrack(user.id, product, t0);
  const revised: Product = {
    ...product,
    modules: [moduleFixture("a", ["q1"], 2), ...product.modules.slice(1)],
  };
  recordRevision(product, "a", 2, at(100));
  expect(getStanding({ userId: user.id, product: revised, now: at(113) }).report.status).toBe(
    "refresh_due",
  );
  expect(getStanding({ userId: user.id, product: revised, now: at(114) }).report.status).toBe(
    "lapsed",
  );
  // taking the refresh late still restores the certification
  pass({ userId: user.id, product: revised, moduleSlug: "a", now: at(120) });
  expect(getStanding({ userId: user.id, product: revised, now: at(121) }).report.status).toBe(
    "certified",
  );

  const expired = getStanding({ userId: user.id, product: revised, now: at(365) }).report;
  expect(expired.status).toBe("expired");
  expect(expired.missingModules).toHaveLength(3);
  walkTrack(user.id, revised, at(366));
  const certs = listCertificationsForUser({ userId: user.id }).filter(
    (c) => c.productSlug === product.slug,
  );
  expect(certs.map((c) => c.state)).toEqual(["active", "superseded"]);
  expect(getStanding({ userId: user.id, product: revised, now: at(367) }).report.status).toBe(
    "certified",
  );
});

test("a typo fix at the same revision changes nothing", async () => {
  const user = await makeUser();
  const product = productFixture();
  walkTrack(user.id, product, t0);
  const typoFixed: Product = {
    ...product,
    modules: product.modules.map((m) =>
      m.slug === "c" ? { ...m, sourceHash: "c-typo-fixed", shownSourceHash: "c-typo-fixed" } : m,
    ),
  };
  getDb()
    .insert(moduleSources)
    .values({
      hash: `${product.slug}-c-typo`,
      productSlug: product.slug,
      moduleSlug: "c",
      path: "c.mdx",
      revision: 1,
      source: "fixed",
      firstSeenAt: at(5),
    })
    .run();
  const standing = getStanding({ userId: user.id, product: typoFixed, now: at(6) });
  expect(standing.report.status).toBe("certified");
  expect(standing.report.modulesToRefresh).toEqual([]);
});

test("no re-take is granted before the track is done below the pass mark, so a rep cannot wipe a wrong first attempt", async () => {
  const user = await makeUser();
  const manager = await makeUser({ role: "manager" });
  const product = productFixture({
    policy: { passMark: 0.8, validDays: 365, refreshGraceDays: 14, maxAttemptsPerDay: 3 },
  });
  const [first] = product.modules;
  const base = {
    userId: user.id,
    productSlug: product.slug,
    module: first,
    key: quizKey("q1"),
    policy: product.policy,
  };
  answerQuiz({ ...base, selected: ["0"], now: t0 });
  expect(
    grantRetake({ userId: user.id, product, grantedById: manager.id, now: at(1) }),
  ).toMatchObject({
    ok: false,
  });
  walkTrack(user.id, product, at(2));
  const standing = getStanding({ userId: user.id, product, now: at(2) });
  expect(standing.score).toBe(0.75);
  expect(standing.belowPassMark).toBe(true);
  expect(getActiveCertification({ userId: user.id, productSlug: product.slug })).toBeNull();
});

test("a module that never compiled is asked of nobody: the served modules certify without it", async () => {
  const user = await makeUser();
  const base = productFixture();
  const unavailable = {
    ...moduleFixture("d", []),
    status: "unavailable" as const,
    shownSourceHash: null,
  };
  const product: Product = { ...base, modules: [...base.modules, unavailable] };
  walkTrack(user.id, base, t0);
  const standing = getStanding({ userId: user.id, product, now: t0 });
  expect(standing.report.status).toBe("certified");
  expect(standing.report.missingModules).toEqual([]);
  expect(
    getActiveCertification({ userId: user.id, productSlug: product.slug })?.modules.map(
      (m) => m.slug,
    ),
  ).toEqual(["a", "b", "c"]);
});
