import { eq } from "drizzle-orm";
import { deliveries, handoffEvents, outboxEvents } from "#db/schema";
import type { Product } from "~/content/types";
import { getDb } from "~/utils/db.server";
import { answerModule } from "../../tests/setup/answer-module";
import { makeUser } from "../../tests/setup/factories";
import { moduleFixture, productFixture } from "../../tests/setup/product-fixture";
import { completeModule } from "./certification.server";
import { adherenceByRep, adherenceByTeam, weeklyBars } from "./handoff-adherence";
import {
  answerHandoff,
  countHandoffsNeedingMove,
  fileHandoff,
  getHandoffDetail,
  getSuccessor,
  listAdherenceInputs,
  listHandoffsFor,
  type HandoffInput,
} from "./handoff.server";

const t0 = new Date("2026-03-02T10:00:00Z");
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);

function frictionProduct(): Product {
  return productFixture({
    modules: [
      { ...moduleFixture("a", ["q1"]), week: 1, friction: ["IT holds admin rights"] },
      { ...moduleFixture("b", ["q2"]), week: 2, friction: ["Bank feeds take 3 days", "No SSO"] },
    ],
  });
}

function walk(userId: string, product: Product) {
  for (const module of product.modules) {
    answerModule({ userId, product, module, now: t0 });
    completeModule({ userId, product, module, now: t0 });
  }
}

function fileOrThrow(args: Parameters<typeof fileHandoff>[0]) {
  const result = fileHandoff(args);
  if (!result.ok) throw new Error(result.message);
  return result.handoff;
}

type Answer = Parameters<typeof answerHandoff>[0];

function answerAt(
  handoffId: string,
  actor: Answer["actor"],
  kind: Answer["kind"],
  at: number,
  message: string | null = null,
) {
  return answerHandoff({ handoffId, actor, kind, message, now: hours(at) });
}

async function setup() {
  const product = frictionProduct();
  const rep = await makeUser();
  const csm = await makeUser({ role: "csm" });
  walk(rep.id, product);
  const input: HandoffInput = {
    accountName: "Northwind",
    csmId: csm.id,
    goLiveTarget: "2026-04-01",
    promises: [{ text: "Bank feeds live in week 2", moduleSlug: "b" }],
    friction: { "a#0": true, "b#0": false, "b#1": true },
    notes: "Keen to start.",
  };
  return { product, rep, csm, input };
}

test("a rep not cleared to pitch is refused with the reason, and nothing is written", async () => {
  const product = frictionProduct();
  const rep = await makeUser();
  const csm = await makeUser({ role: "csm" });
  const result = fileHandoff({
    rep,
    product,
    input: {
      accountName: "X",
      csmId: csm.id,
      goLiveTarget: "2026-04-01",
      promises: [],
      friction: { "a#0": true, "b#0": true, "b#1": true },
      notes: "",
    },
    now: hours(1),
  });
  expect(result).toMatchObject({ ok: false, status: 403 });
  expect(!result.ok && result.message).toContain("not cleared to pitch");
  expect(listHandoffsFor({ viewer: rep })).toEqual([]);
});

test("a cleared rep files: promises get their week, friction and revisions are kept", async () => {
  const { product, rep, csm, input } = await setup();
  const filed = fileOrThrow({ rep, product, input, now: hours(1) });
  const detail = getHandoffDetail({ id: filed.id })!;
  expect(detail.handoff).toMatchObject({ state: "submitted", accountName: "Northwind" });
  expect(detail.handoff.certificationId).toBeTruthy();
  expect(detail.promises).toEqual([
    { text: "Bank feeds live in week 2", moduleSlug: "b", week: 2 },
  ]);
  expect(detail.friction.map((f) => [f.text, f.told])).toEqual([
    ["IT holds admin rights", true],
    ["Bank feeds take 3 days", false],
    ["No SSO", true],
  ]);
  expect(detail.modules.map((m) => [m.slug, m.revision, m.week])).toEqual([
    ["a", 1, 1],
    ["b", 1, 2],
  ]);
  expect(detail.events.map((e) => e.kind)).toEqual(["filed"]);
  expect(listHandoffsFor({ viewer: csm }).map((r) => r.handoff.id)).toEqual([filed.id]);
  const otherCsm = await makeUser({ role: "csm" });
  expect(listHandoffsFor({ viewer: otherCsm })).toEqual([]);
  const event = getDb()
    .select()
    .from(outboxEvents)
    .where(eq(outboxEvents.type, "handoff.filed"))
    .all()
    .find((e) => JSON.parse(e.data).handoffId === filed.id);
  expect(event).toBeTruthy();
});

test("every friction point must be answered, and the CSM must be a CSM", async () => {
  const { product, rep, input } = await setup();
  const unanswered = fileHandoff({
    rep,
    product,
    input: { ...input, friction: { "a#0": true, "b#0": true } },
  });
  expect(unanswered).toEqual({
    ok: false,
    status: 400,
    message: "Say whether the customer was told: “No SSO” (Module b).",
  });
  const notCsm = fileHandoff({ rep, product, input: { ...input, csmId: rep.id } });
  expect(notCsm).toMatchObject({ ok: false, status: 400 });
  const badModule = fileHandoff({
    rep,
    product,
    input: { ...input, promises: [{ text: "x", moduleSlug: "zz" }] },
  });
  expect(badModule).toMatchObject({ ok: false, status: 400 });
});

test("question, reply, acknowledge: only the right side, in order, all recorded", async () => {
  const { product, rep, csm, input } = await setup();
  const { id } = fileOrThrow({ rep, product, input, now: hours(0) });
  expect(answerAt(id, rep, "acknowledged", 1)).toMatchObject({ ok: false, status: 403 });
  expect(answerAt(id, csm, "questioned", 2, "SSO?")).toEqual({ ok: true });
  expect(answerAt(id, csm, "acknowledged", 2)).toMatchObject({ ok: false, status: 409 });
  expect(answerAt(id, rep, "replied", 3, "Told them.")).toEqual({ ok: true });
  expect(answerAt(id, csm, "acknowledged", 5)).toEqual({ ok: true });
  const detail = getHandoffDetail({ id })!;
  expect(detail.handoff.state).toBe("acknowledged");
  expect(detail.events.map((e) => [e.kind, e.message])).toEqual([
    ["filed", null],
    ["questioned", "SSO?"],
    ["replied", "Told them."],
    ["acknowledged", null],
  ]);
  const rows = getDb().select().from(handoffEvents).where(eq(handoffEvents.handoffId, id)).all();
  expect(rows).toHaveLength(4);
});

test("adherence: filed, all friction discussed, acknowledged without questions, median hours", async () => {
  const { product, rep, csm, input } = await setup();
  const untold = fileOrThrow({ rep, product, input, now: hours(0) });
  const told = fileOrThrow({
    rep,
    product,
    input: {
      ...input,
      accountName: "Contoso",
      friction: { "a#0": true, "b#0": true, "b#1": true },
    },
    now: hours(1),
  });
  answerAt(untold.id, csm, "acknowledged", 4);
  answerAt(told.id, csm, "questioned", 2, "?");
  answerAt(told.id, rep, "replied", 3, "!");
  answerAt(told.id, csm, "acknowledged", 9);
  const inputs = listAdherenceInputs({ rows: listHandoffsFor({ viewer: rep }) });
  expect(adherenceByRep(inputs)).toEqual([
    {
      repId: rep.id,
      repName: rep.name,
      filed: 2,
      allFrictionDiscussed: 0.5,
      acknowledgedWithoutQuestions: 0.5,
      medianHoursToAcknowledge: 6,
    },
  ]);
  expect(weeklyBars(inputs)).toEqual([{ week: "2026-03-02", filed: 2, allDiscussed: 1 }]);
  expect(adherenceByTeam(inputs)).toEqual([
    {
      teamName: "No team",
      reps: 1,
      filed: 2,
      allFrictionDiscussed: 0.5,
      acknowledgedWithoutQuestions: 0.5,
      medianHoursToAcknowledge: 6,
    },
  ]);
});

test("no email is queued without SMTP", async () => {
  const { product, rep, input } = await setup();
  const filed = fileHandoff({ rep, product, input });
  expect(filed.ok).toBe(true);
  const queued = getDb().select().from(deliveries).where(eq(deliveries.channel, "email")).all();
  expect(queued).toEqual([]);
});

test("an edit supersedes: the old version stays, marked, and only the rep's open ones", async () => {
  const { product, rep, csm, input } = await setup();
  const first = fileOrThrow({ rep, product, input, now: hours(0) });
  answerAt(first.id, csm, "questioned", 0.5, "SSO?");
  const other = await makeUser();
  expect(fileHandoff({ rep: other, product, input, supersedesId: first.id })).toMatchObject({
    ok: false,
    status: 403,
  });
  const second = fileOrThrow({
    rep,
    product,
    input: { ...input, friction: { "a#0": true, "b#0": true, "b#1": true } },
    supersedesId: first.id,
    now: hours(1),
  });
  expect(getSuccessor({ id: first.id })?.id).toBe(second.id);
  const old = getHandoffDetail({ id: first.id })!;
  expect(old.handoff.state).toBe("superseded");
  expect(old.events.map((e) => e.kind)).toEqual(["filed", "questioned", "superseded"]);
  expect(listHandoffsFor({ viewer: rep }).map((r) => r.handoff.id)).toEqual([second.id]);
  expect(fileHandoff({ rep, product, input, supersedesId: first.id })).toMatchObject({
    ok: false,
    status: 400,
  });
});

test("adherence counts an edited handoff once, from its first filing, with the question asked before the edit", async () => {
  const { product, rep, csm, input } = await setup();
  const first = fileOrThrow({ rep, product, input, now: hours(0) });
  answerAt(first.id, csm, "questioned", 1, "SSO?");
  const edited = (supersedesId: string, at: number) =>
    fileOrThrow({
      rep,
      product,
      input: { ...input, friction: { "a#0": true, "b#0": true, "b#1": true } },
      supersedesId,
      now: hours(at),
    });
  const latest = edited(edited(first.id, 2).id, 3);
  answerAt(latest.id, csm, "acknowledged", 10);
  const inputs = listAdherenceInputs({ rows: listHandoffsFor({ viewer: rep }) });
  expect(adherenceByRep(inputs)).toEqual([
    {
      repId: rep.id,
      repName: rep.name,
      filed: 1,
      allFrictionDiscussed: 1,
      acknowledgedWithoutQuestions: 0,
      medianHoursToAcknowledge: 10,
    },
  ]);
});

test("the header's handoff count is what waits on each person: the CSM's to answer, the rep's to reply", async () => {
  const { product, rep, csm, input } = await setup();
  const filed = fileOrThrow({ rep, product, input, now: hours(1) });
  expect(countHandoffsNeedingMove({ userId: csm.id })).toBe(1);
  expect(countHandoffsNeedingMove({ userId: rep.id })).toBe(0);
  expect(answerAt(filed.id, csm, "questioned", 2, "Which bank?")).toEqual({ ok: true });
  expect(countHandoffsNeedingMove({ userId: csm.id })).toBe(0);
  expect(countHandoffsNeedingMove({ userId: rep.id })).toBe(1);
});
