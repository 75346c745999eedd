import { eq } from "drizzle-orm";
import { deliveries, outboxEvents } from "#db/schema";
import { setNotificationPreferences } from "~/models/notification-preference.server";
import { createTeam } from "~/models/team.server";
import { getDb } from "~/utils/db.server";
import { makeUser } from "../../tests/setup/factories";
import {
  answerFrictionFlag,
  countFrictionFlags,
  createFrictionFlag,
  listFlagsOfReader,
  listFrictionInbox,
  reopenFrictionFlag,
} from "./friction.server";

// Read once by getEnv, before anything asks for it: replies are emailed.
process.env.SMTP_URL = "smtp://127.0.0.1:2525";
process.env.APP_URL = "https://firsthand.example";

const product = `p-${crypto.randomUUID().slice(0, 8)}`;
const module = { slug: "upload", revision: 2, sourceHash: "a".repeat(64) };
const anchor = { id: "split-large-files", text: "Split large files" };
const t0 = new Date("2027-03-01T09:00:00Z");

async function teamWithRep() {
  const manager = await makeUser({ role: "manager" });
  const team = createTeam({ name: `Team ${crypto.randomUUID()}`, managerId: manager.id });
  const rep = await makeUser({ teamId: team.id });
  return { team, rep };
}

const eventsOf = (type: string, userId: string) =>
  getDb()
    .select()
    .from(outboxEvents)
    .where(eq(outboxEvents.userId, userId))
    .all()
    .filter((e) => e.type === type);

test("a flag keeps the revision the reader saw and waits in the open tab until answered", async () => {
  const { rep } = await teamWithRep();
  const author = await makeUser({ role: "author" });
  const flag = createFrictionFlag({
    userId: rep.id,
    productSlug: product,
    module,
    anchor,
    note: "Nobody said 50 MB is the limit",
    now: t0,
  });
  expect(flag).toMatchObject({ state: "open", moduleRevision: 2, headingId: anchor.id });
  expect(
    listFrictionInbox({ state: "open", productSlug: product }).map((r) => r.flag.id),
  ).toContain(flag.id);

  expect(
    answerFrictionFlag({
      id: flag.id,
      author,
      reply: "Split by month; we added it.",
      resolve: true,
    }),
  ).toEqual({ ok: true });
  const [seen] = listFlagsOfReader({ userId: rep.id, productSlug: product, moduleSlug: "upload" });
  expect(seen.flag).toMatchObject({ state: "resolved", reply: "Split by month; we added it." });
  expect(seen.replierName).toBe(author.name);
  expect(
    listFrictionInbox({ state: "resolved", productSlug: product }).map((r) => r.flag.id),
  ).toContain(flag.id);

  // The reply reaches the reader by email, once, in the same write.
  const [event] = eventsOf("friction.answered", rep.id);
  expect(JSON.parse(event.data)).toMatchObject({
    flagId: flag.id,
    reply: "Split by month; we added it.",
  });
  const emails = getDb().select().from(deliveries).where(eq(deliveries.eventSeq, event.seq)).all();
  expect(emails.map((d) => [d.channel, d.target])).toEqual([["email", rep.email]]);
  expect(JSON.parse(emails[0].payload).text).toContain("Split by month; we added it.");

  expect(answerFrictionFlag({ id: flag.id, author, reply: null, resolve: true })).toMatchObject({
    ok: false,
    status: 409,
  });
  expect(reopenFrictionFlag({ id: flag.id })).toEqual({ ok: true });
  expect(reopenFrictionFlag({ id: flag.id })).toMatchObject({ ok: false, status: 409 });
  expect(reopenFrictionFlag({ id: "fr_nobody" })).toMatchObject({ ok: false, status: 404 });
  expect(answerFrictionFlag({ id: "fr_nobody", author, reply: "x", resolve: false })).toMatchObject(
    { ok: false, status: 404 },
  );
});

test("a reader who turned the kind off gets no email, and resolving without a reply tells nobody", async () => {
  const { rep } = await teamWithRep();
  const author = await makeUser({ role: "author" });
  setNotificationPreferences({ userId: rep.id, kinds: ["friction_answered"], enabled: [] });
  const flag = createFrictionFlag({
    userId: rep.id,
    productSlug: product,
    module,
    anchor,
    note: "x",
  });
  answerFrictionFlag({ id: flag.id, author, reply: "Answered", resolve: false });
  expect(eventsOf("friction.answered", rep.id)).toEqual([]);

  const other = await makeUser();
  const quiet = createFrictionFlag({
    userId: other.id,
    productSlug: product,
    module,
    anchor,
    note: "y",
  });
  answerFrictionFlag({ id: quiet.id, author, reply: null, resolve: true });
  expect(eventsOf("friction.answered", other.id)).toEqual([]);
});

test("counts per module can be limited to one team's reps", async () => {
  const north = await teamWithRep();
  const south = await teamWithRep();
  const slug = `p-${crypto.randomUUID().slice(0, 8)}`;
  const author = await makeUser({ role: "author" });
  createFrictionFlag({ userId: north.rep.id, productSlug: slug, module, anchor, note: "a" });
  createFrictionFlag({ userId: north.rep.id, productSlug: slug, module, anchor, note: "b" });
  const answered = createFrictionFlag({
    userId: south.rep.id,
    productSlug: slug,
    module,
    anchor,
    note: "c",
  });
  answerFrictionFlag({ id: answered.id, author, reply: "Done", resolve: true });

  const mine = (scope?: { teamId: string }) =>
    countFrictionFlags(scope ? { scope } : {}).filter((c) => c.productSlug === slug);
  expect(mine()).toEqual([{ productSlug: slug, moduleSlug: "upload", open: 2, resolved: 1 }]);
  expect(mine({ teamId: north.team.id })).toEqual([
    { productSlug: slug, moduleSlug: "upload", open: 2, resolved: 0 },
  ]);
  expect(mine({ teamId: south.team.id })).toEqual([
    { productSlug: slug, moduleSlug: "upload", open: 0, resolved: 1 },
  ]);
});
