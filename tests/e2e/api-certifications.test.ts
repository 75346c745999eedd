import { afterAll, beforeAll, expect, test } from "vitest";
import { certificationChangesPage } from "~/api/certification-schemas";
import { createApiToken } from "./api-token";
import { demoEmail } from "./browser";
import {
  readRepStatusKeys,
  startServerWithSettledStatuses,
  writeRepStatuses,
} from "./rep-statuses";
import type { RunningServer } from "./start-server";

// Its own server: it writes status rows into the database. They sit far in the past, before any
// row the app writes itself, so the order of the first ones is known.
let server: RunningServer;
let token: string;
const t0 = new Date("2001-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const reps = ["rep1", "rep2", "rep3", "rep4", "rep5", "rep6", "rep7"];

beforeAll(async () => {
  server = await startServerWithSettledStatuses();
  token = createApiToken(server, ["certifications:read", "eligibility:read"]);
  writeRepStatuses(server, [
    // Seven changes in the same millisecond: paging must not lose or repeat any of them.
    ...reps.map((rep) => ({
      email: demoEmail(rep),
      product: "ledgerflow",
      status: "in_progress",
      eligible: false,
      changedAt: t0,
    })),
    {
      email: demoEmail("rep1"),
      product: "crewline",
      status: "certified",
      eligible: true,
      changedAt: at(1000),
    },
    {
      email: demoEmail("rep2"),
      product: "retired-product",
      status: "certified",
      eligible: true,
      changedAt: at(2000),
    },
    {
      email: demoEmail("author"),
      product: "ledgerflow",
      status: "certified",
      eligible: true,
      changedAt: at(3000),
    },
  ]);
});
afterAll(async () => {
  await server?.stop();
});

async function call(query: Record<string, string>, bearer = token) {
  return fetch(`${server.baseUrl}/api/v1/certifications?${new URLSearchParams(query)}`, {
    headers: { Authorization: `Bearer ${bearer}` },
  });
}

async function page(query: Record<string, string>) {
  const response = await call(query);
  expect(response.status, JSON.stringify(query)).toBe(200);
  return certificationChangesPage.parse(await response.json());
}

/** Every item from `updatedSince` on, page by page, and how many pages it took. */
async function readAll(query: Record<string, string>) {
  const items = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const next = await page(cursor ? { ...query, cursor } : query);
    items.push(...next.data);
    cursor = next.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { items, pages };
}

const keyOf = (item: { rep: string; product: string; updatedAt: string }) =>
  `${item.updatedAt} ${item.rep} ${item.product}`;

test("the feed lists every status row from updatedSince on, oldest first, with today's verdict", async () => {
  const { items } = await readAll({ updatedSince: t0.toISOString() });
  expect(items.map(keyOf)).toEqual(readRepStatusKeys(server, t0).map(keyOf));
  const ours = items.slice(0, 10);
  expect(ours.slice(0, 7).map((i) => i.updatedAt)).toEqual(reps.map(() => t0.toISOString()));
  expect(new Set(ours.slice(0, 7).map((i) => i.rep))).toEqual(new Set(reps.map(demoEmail)));
  expect(ours.slice(7).map((i) => [i.rep, i.product])).toEqual([
    [demoEmail("rep1"), "crewline"],
    [demoEmail("rep2"), "retired-product"],
    [demoEmail("author"), "ledgerflow"],
  ]);

  // The verdict is today's, whatever status the row last announced: the same as /eligibility.
  for (const item of ours) {
    if ("error" in item) continue;
    const response = await fetch(
      `${server.baseUrl}/api/v1/eligibility?${new URLSearchParams({ rep: item.rep, product: item.product })}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    const { updatedAt: _updatedAt, ...verdict } = item;
    expect(verdict, `${item.rep} ${item.product}`).toEqual(await response.json());
  }
  const rep1 = ours.find((i) => i.rep === demoEmail("rep1") && i.product === "ledgerflow");
  expect(rep1).toMatchObject({ eligible: true, status: "certified" });

  // A product that is gone and a person who is no longer a rep stay in the feed, not eligible.
  expect(ours[8]).toEqual({
    rep: demoEmail("rep2"),
    product: "retired-product",
    eligible: false,
    error: "No product has that slug.",
    updatedAt: at(2000).toISOString(),
  });
  expect(ours[9]).toMatchObject({ eligible: false, error: "No rep has that email." });
});

test("pages of any size join up to the same list, ties in one millisecond included", async () => {
  const since = { updatedSince: t0.toISOString() };
  const whole = (await page({ ...since, limit: "500" })).data.map(keyOf);
  for (const limit of ["1", "2", "3", "7"]) {
    const { items, pages } = await readAll({ ...since, limit });
    expect(items.map(keyOf), `limit ${limit}`).toEqual(whole);
    expect(pages, `limit ${limit}`).toBe(Math.ceil(whole.length / Number(limit)));
  }
  const first = await page({ ...since, limit: "3" });
  expect(first.data).toHaveLength(3);
  expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
  const last = await page({ ...since, limit: String(whole.length) });
  expect(last.nextCursor).toBeNull();
});

test("updatedSince is inclusive, and the default page is 100", async () => {
  const from = await page({ updatedSince: at(1000).toISOString() });
  expect(from.data[0]).toMatchObject({ rep: demoEmail("rep1"), product: "crewline" });
  const justAfter = await page({ updatedSince: at(1001).toISOString() });
  expect(justAfter.data[0]).toMatchObject({ product: "retired-product" });
  expect(await page({ updatedSince: "2999-01-01T00:00:00+01:00" })).toEqual({
    data: [],
    nextCursor: null,
  });

  writeRepStatuses(
    server,
    Array.from({ length: 120 }, (_, i) => ({
      email: demoEmail("rep3"),
      product: `old-product-${String(i).padStart(3, "0")}`,
      status: "certified",
      eligible: true,
      changedAt: at(-1_000_000),
    })),
  );
  const oldest = await page({});
  expect(oldest.data).toHaveLength(100);
  expect(oldest.nextCursor).not.toBeNull();
  expect(oldest.data[99]).toMatchObject({ product: "old-product-099" });
});

test("a status that changes while a client pages is read again at its new time, never missed", async () => {
  const since = { updatedSince: t0.toISOString(), limit: "4" };
  const first = await page(since);
  const seen = new Set(first.data.map((i) => `${i.rep} ${i.product}`));
  const unread = readRepStatusKeys(server, t0).find((r) => !seen.has(`${r.rep} ${r.product}`))!;
  const reread = first.data[0];
  const moved = new Date(Date.now() + 60_000);
  writeRepStatuses(server, [
    {
      email: unread.rep,
      product: unread.product,
      status: "certified",
      eligible: true,
      changedAt: moved,
    },
    {
      email: reread.rep,
      product: reread.product,
      status: "certified",
      eligible: true,
      changedAt: moved,
    },
  ]);
  const rest = await readAll({ ...since, cursor: first.nextCursor! });
  const after = rest.items.map((i) => `${i.rep} ${i.product} ${i.updatedAt}`);
  expect(after).toContain(`${unread.rep} ${unread.product} ${moved.toISOString()}`);
  expect(after).toContain(`${reread.rep} ${reread.product} ${moved.toISOString()}`);
  expect(
    rest.items.filter((i) => i.rep === unread.rep && i.product === unread.product),
  ).toHaveLength(1);
});

test("bad queries get 400 naming the field; missing tokens 401, missing scope 403", async () => {
  for (const [query, message] of [
    [{ updatedSince: "yesterday" }, /^`updatedSince` must be an ISO 8601 date-time/],
    [{ updatedSince: "2025-01-31" }, /^`updatedSince` must be an ISO 8601 date-time/],
    [{ cursor: "not a cursor!" }, /^`cursor` is not a cursor this API gave out/],
    [{ cursor: "bm90LWpzb24" }, /^`cursor` is not a cursor this API gave out/],
    [{ cursor: "WzEsMl0" }, /^`cursor` is not a cursor this API gave out/],
    [{ limit: "0" }, /^`limit` must be a whole number from 1 to 500/],
    [{ limit: "501" }, /^`limit` must be a whole number from 1 to 500/],
    [{ limit: "ten" }, /^`limit` must be a whole number from 1 to 500/],
    [{ limit: "1.5" }, /^`limit` must be a whole number from 1 to 500/],
    [{ limit: "" }, /^`limit` must be a whole number from 1 to 500/],
    [{ since: "2025-01-01T00:00:00Z" }, /^Unknown field: since/],
  ] as const) {
    const response = await call(query);
    expect(response.status, JSON.stringify(query)).toBe(400);
    expect((await response.json()).error, JSON.stringify(query)).toMatch(message);
  }

  const noToken = await fetch(`${server.baseUrl}/api/v1/certifications`);
  expect(noToken.status).toBe(401);
  const eligibilityOnly = await call({}, createApiToken(server, ["eligibility:read"]));
  expect(eligibilityOnly.status).toBe(403);
  expect(await eligibilityOnly.json()).toEqual({
    error: expect.stringContaining("certifications:read"),
  });
});
