import { and, asc, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import {
  handoffEvents,
  handoffFriction,
  handoffPromises,
  handoffs,
  teams,
  users,
  type Handoff,
  type HandoffEvent,
  type HandoffEventKind,
  type User,
} from "#db/schema";
import type { Product } from "~/content/types";
import { recordHandoffNotice } from "~/integrations/handoff-events.server";
import { getDb, immediateTransaction, type Db } from "~/utils/db.server";
import { preparedQuery } from "~/utils/prepared-query.server";
import { randomToken } from "~/utils/secret-token.server";
import { getStanding } from "./certification.server";
import { describeEligibility } from "./eligibility.server";
import { frictionPointsOf, moduleSnapshotsOf, type ModuleSnapshot } from "./handoff-journey";

export type HandoffInput = {
  accountName: string;
  csmId: string;
  goLiveTarget: string;
  promises: { text: string; moduleSlug: string }[];
  /** Friction key (see frictionPointsOf) → whether the customer was told. */
  friction: Record<string, boolean>;
  notes: string;
};

export type FileResult =
  { ok: true; handoff: Handoff } | { ok: false; status: 400 | 403; message: string };

export function listCsms(): User[] {
  return getDb()
    .select()
    .from(users)
    .where(and(eq(users.role, "csm"), eq(users.disabled, false)))
    .orderBy(asc(users.name))
    .all();
}

function check(product: Product, input: HandoffInput): string | null {
  const csm = getDb().select().from(users).where(eq(users.id, input.csmId)).get();
  if (!csm || csm.role !== "csm" || csm.disabled) return "Choose a customer success manager.";
  for (const promise of input.promises) {
    if (!product.modules.some((m) => m.slug === promise.moduleSlug)) {
      return `“${promise.text}”: choose the module where the customer will see it.`;
    }
  }
  const points = frictionPointsOf(product);
  const missing = points.find((p) => input.friction[p.key] === undefined);
  if (missing) {
    return `Say whether the customer was told: “${missing.text}” (${missing.moduleTitle}).`;
  }
  const unknown = Object.keys(input.friction).find((k) => !points.some((p) => p.key === k));
  if (unknown) return "The form lists a friction point this product no longer has: reload it.";
  return null;
}

/** Files a handoff if the rep is cleared to pitch the product; refuses otherwise, saying why. */
export function fileHandoff({
  rep,
  product,
  input,
  supersedesId = null,
  announce = true,
  now = new Date(),
}: {
  rep: User;
  product: Product;
  input: HandoffInput;
  /** An edit: the rep's own open handoff this one replaces. */
  supersedesId?: string | null;
  /** False for history (the demo seed): nobody is told of what happened long ago. */
  announce?: boolean;
  now?: Date;
}): FileResult {
  if (rep.role !== "rep") return { ok: false, status: 403, message: "Only reps file handoffs." };
  if (supersedesId) {
    const old = getHandoff({ id: supersedesId });
    if (!old || old.repId !== rep.id || old.productSlug !== product.slug) {
      return { ok: false, status: 403, message: "You can only edit your own handoffs." };
    }
    if (old.state === "superseded" || old.state === "acknowledged") {
      return {
        ok: false,
        status: 400,
        message:
          old.state === "acknowledged"
            ? "This handoff is already acknowledged: file a new one instead."
            : "This handoff was already replaced by a newer version.",
      };
    }
  }
  const eligibility = describeEligibility({
    product,
    standing: getStanding({ userId: rep.id, product, now }),
  });
  if (!eligibility.cleared || !eligibility.certificationId) {
    return {
      ok: false,
      status: 403,
      message: `You are not cleared to pitch ${product.name}, so you cannot hand off its deals yet. ${eligibility.reasons.join(" ")}`,
    };
  }
  const problem = check(product, input);
  if (problem) return { ok: false, status: 400, message: problem };
  const certificationId = eligibility.certificationId;
  const handoff = immediateTransaction((db) => {
    const row: Handoff = {
      id: `ho_${randomToken(10)}`,
      repId: rep.id,
      csmId: input.csmId,
      accountName: input.accountName,
      productSlug: product.slug,
      goLiveTarget: input.goLiveTarget,
      state: "submitted",
      notes: input.notes,
      certificationId,
      moduleRevisions: JSON.stringify(moduleSnapshotsOf(product)),
      supersedesId,
      createdAt: now,
    };
    if (supersedesId) {
      const replaced = db
        .update(handoffs)
        .set({ state: "superseded" })
        .where(
          and(eq(handoffs.id, supersedesId), inArray(handoffs.state, ["submitted", "questioned"])),
        )
        .run();
      if (replaced.changes !== 1)
        throw new Response("This handoff changed meanwhile: reload it.", { status: 409 });
    }
    db.insert(handoffs).values(row).run();
    if (supersedesId) {
      addEvent(db, {
        handoffId: supersedesId,
        actorId: rep.id,
        kind: "superseded",
        message: null,
        now,
      });
    }
    for (const promise of input.promises) {
      const week = product.modules.find((m) => m.slug === promise.moduleSlug)?.week ?? null;
      db.insert(handoffPromises)
        .values({ handoffId: row.id, text: promise.text, moduleSlug: promise.moduleSlug, week })
        .run();
    }
    for (const point of frictionPointsOf(product)) {
      db.insert(handoffFriction)
        .values({
          handoffId: row.id,
          moduleSlug: point.moduleSlug,
          text: point.text,
          told: input.friction[point.key],
        })
        .run();
    }
    addEvent(db, { handoffId: row.id, actorId: rep.id, kind: "filed", message: null, now });
    if (announce)
      recordHandoffNotice({ kind: "filed", handoff: row, actor: rep, message: null, now });
    return row;
  });
  return { ok: true, handoff };
}

function addEvent(
  db: Db,
  e: {
    handoffId: string;
    actorId: string;
    kind: HandoffEventKind;
    message: string | null;
    now: Date;
  },
) {
  db.insert(handoffEvents)
    .values({
      handoffId: e.handoffId,
      actorId: e.actorId,
      kind: e.kind,
      message: e.message,
      at: e.now,
    })
    .run();
}

export function getHandoff({ id }: { id: string }): Handoff | null {
  return getDb().select().from(handoffs).where(eq(handoffs.id, id)).get() ?? null;
}

/** The newer version that replaced a superseded handoff. */
export function getSuccessor({ id }: { id: string }): Handoff | null {
  return getDb().select().from(handoffs).where(eq(handoffs.supersedesId, id)).get() ?? null;
}

export type HandoffDetail = {
  handoff: Handoff;
  rep: User;
  csm: User;
  modules: ModuleSnapshot[];
  promises: { text: string; moduleSlug: string; week: number | null }[];
  friction: { moduleSlug: string; text: string; told: boolean }[];
  events: (HandoffEvent & { actorName: string | null })[];
};

export function getHandoffDetail({ id }: { id: string }): HandoffDetail | null {
  const db = getDb();
  const handoff = getHandoff({ id });
  if (!handoff) return null;
  const person = (userId: string) => db.select().from(users).where(eq(users.id, userId)).get()!;
  const events = db
    .select({ event: handoffEvents, actorName: users.name })
    .from(handoffEvents)
    .leftJoin(users, eq(handoffEvents.actorId, users.id))
    .where(eq(handoffEvents.handoffId, id))
    .orderBy(asc(handoffEvents.at), asc(handoffEvents.id))
    .all();
  return {
    handoff,
    rep: person(handoff.repId),
    csm: person(handoff.csmId),
    modules: JSON.parse(handoff.moduleRevisions) as ModuleSnapshot[],
    promises: db
      .select({
        text: handoffPromises.text,
        moduleSlug: handoffPromises.moduleSlug,
        week: handoffPromises.week,
      })
      .from(handoffPromises)
      .where(eq(handoffPromises.handoffId, id))
      .orderBy(asc(handoffPromises.id))
      .all(),
    friction: db
      .select({
        moduleSlug: handoffFriction.moduleSlug,
        text: handoffFriction.text,
        told: handoffFriction.told,
      })
      .from(handoffFriction)
      .where(eq(handoffFriction.handoffId, id))
      .orderBy(asc(handoffFriction.id))
      .all(),
    events: events.map((e) => ({ ...e.event, actorName: e.actorName })),
  };
}

/** The rep who filed it, the CSM it is addressed to, the rep's manager, or an admin. */
export function canViewHandoff({ viewer, detail }: { viewer: User; detail: HandoffDetail }) {
  if (viewer.role === "admin") return true;
  if (viewer.id === detail.handoff.repId || viewer.id === detail.handoff.csmId) return true;
  return viewer.role === "manager" && viewer.teamId !== null && viewer.teamId === detail.rep.teamId;
}

export type HandoffListRow = {
  handoff: Handoff;
  repName: string;
  repTeamId: string | null;
  csmName: string;
};

/** What each role may see: reps their own, CSMs theirs, managers their team's, admins all. */
export function listHandoffsFor({ viewer }: { viewer: User }): HandoffListRow[] {
  const db = getDb();
  const rows = db
    .select({ handoff: handoffs, repName: users.name, repTeamId: users.teamId })
    .from(handoffs)
    .innerJoin(users, eq(handoffs.repId, users.id))
    .where(ne(handoffs.state, "superseded"))
    .orderBy(desc(handoffs.createdAt))
    .all()
    .filter(({ handoff, repTeamId }) => {
      if (viewer.role === "admin") return true;
      if (viewer.role === "rep") return handoff.repId === viewer.id;
      if (viewer.role === "csm") return handoff.csmId === viewer.id;
      if (viewer.role === "manager") return viewer.teamId !== null && repTeamId === viewer.teamId;
      return false;
    });
  const csmIds = [...new Set(rows.map((r) => r.handoff.csmId))];
  const csms = csmIds.length ? db.select().from(users).where(inArray(users.id, csmIds)).all() : [];
  return rows.map((r) => ({ ...r, csmName: csms.find((c) => c.id === r.handoff.csmId)!.name }));
}

/** The app's inbox: handoffs waiting on this person (a CSM to answer, a rep to reply). */
// In every page's header: built and compiled once.
const handoffsNeedingMove = preparedQuery((db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(handoffs)
    .where(
      or(
        and(eq(handoffs.csmId, sql.placeholder("userId")), eq(handoffs.state, "submitted")),
        and(eq(handoffs.repId, sql.placeholder("userId")), eq(handoffs.state, "questioned")),
      ),
    )
    .prepare(),
);

export function countHandoffsNeedingMove({ userId }: { userId: string }): number {
  return handoffsNeedingMove().get({ userId })?.n ?? 0;
}

export function listHandoffEvents({ handoffIds }: { handoffIds: string[] }): HandoffEvent[] {
  if (handoffIds.length === 0) return [];
  return getDb()
    .select()
    .from(handoffEvents)
    .where(inArray(handoffEvents.handoffId, handoffIds))
    .orderBy(asc(handoffEvents.at), asc(handoffEvents.id))
    .all();
}

export type AnswerResult = { ok: true } | { ok: false; status: 403 | 409; message: string };

/** The CSM acknowledges or asks a question; the rep replies to a question. */
export function answerHandoff({
  handoffId,
  actor,
  kind,
  message,
  announce = true,
  now = new Date(),
}: {
  handoffId: string;
  actor: User;
  kind: "acknowledged" | "questioned" | "replied";
  message: string | null;
  /** False for history (the demo seed). */
  announce?: boolean;
  now?: Date;
}): AnswerResult {
  return immediateTransaction((db) => {
    const handoff = db.select().from(handoffs).where(eq(handoffs.id, handoffId)).get();
    if (!handoff) return { ok: false, status: 403, message: "That handoff does not exist." };
    const byCsm = kind !== "replied";
    if (byCsm ? actor.id !== handoff.csmId : actor.id !== handoff.repId) {
      return {
        ok: false,
        status: 403,
        message: byCsm
          ? "Only the CSM it is addressed to can answer this handoff."
          : "Only the rep who filed this handoff can reply.",
      };
    }
    const expected = byCsm ? "submitted" : "questioned";
    if (handoff.state !== expected) {
      return {
        ok: false,
        status: 409,
        message:
          handoff.state === "acknowledged"
            ? "This handoff is already acknowledged."
            : byCsm
              ? "This handoff is waiting for the rep's reply."
              : "There is no open question to reply to.",
      };
    }
    const state =
      kind === "acknowledged" ? "acknowledged" : kind === "questioned" ? "questioned" : "submitted";
    db.update(handoffs).set({ state }).where(eq(handoffs.id, handoffId)).run();
    addEvent(db, { handoffId, actorId: actor.id, kind, message, now });
    if (announce)
      recordHandoffNotice({ kind, handoff: { ...handoff, state }, actor, message, now });
    return { ok: true };
  });
}

/** Each listed handoff with what adherence needs: its untold friction and every version's history. */
export function listAdherenceInputs({ rows }: { rows: HandoffListRow[] }) {
  const ids = rows.map((r) => r.handoff.id);
  const untold = ids.length
    ? getDb()
        .select({ handoffId: handoffFriction.handoffId })
        .from(handoffFriction)
        .where(and(inArray(handoffFriction.handoffId, ids), eq(handoffFriction.told, false)))
        .all()
    : [];
  const earlier = earlierVersionsOf(rows.map((r) => r.handoff));
  const chainOf = (handoff: Handoff) => {
    const chain = [handoff];
    for (let at = handoff; at.supersedesId && earlier.has(at.supersedesId);) {
      at = earlier.get(at.supersedesId)!;
      chain.push(at);
    }
    return chain;
  };
  const chains = new Map(rows.map((r) => [r.handoff.id, chainOf(r.handoff)]));
  const teamNames = new Map(
    getDb()
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .all()
      .map((t) => [t.id, t.name]),
  );
  const events = listHandoffEvents({ handoffIds: [...chains.values()].flat().map((h) => h.id) });
  return rows.map((r) => {
    const chain = chains.get(r.handoff.id)!;
    const versionIds = new Set(chain.map((h) => h.id));
    return {
      handoff: r.handoff,
      repName: r.repName,
      teamName: r.repTeamId ? (teamNames.get(r.repTeamId) ?? null) : null,
      untoldFriction: untold.filter((u) => u.handoffId === r.handoff.id).length,
      firstFiledAt: chain.at(-1)!.createdAt,
      events: events.filter((e) => versionIds.has(e.handoffId)),
    };
  });
}

/** Every version the given handoffs replaced, by id, following edits of edits. */
function earlierVersionsOf(current: Handoff[]): Map<string, Handoff> {
  const found = new Map<string, Handoff>();
  let wanted = current.flatMap((h) => (h.supersedesId ? [h.supersedesId] : []));
  while (wanted.length) {
    const batch = getDb().select().from(handoffs).where(inArray(handoffs.id, wanted)).all();
    for (const h of batch) found.set(h.id, h);
    wanted = batch.flatMap((h) =>
      h.supersedesId && !found.has(h.supersedesId) ? [h.supersedesId] : [],
    );
  }
  return found;
}
