import { beforeAll, expect, test } from "vitest";
import { vocabularyCheckResponse } from "~/api/vocabulary-schemas";
import { createApiToken } from "./api-token";
import { chunkedBody, chunkedPost } from "./chunked-body";
import { serverForThisFile } from "./server-for-this-file";

// Its own server: the test creates API tokens in its database.
const server = serverForThisFile();
let token: string;
beforeAll(async () => {
  token = createApiToken(server, ["vocabulary:read"]);
});
function check(body: unknown, { bearer = token, type = "application/json" } = {}) {
  return fetch(`${server.baseUrl}/api/v1/vocabulary/check`, {
    method: "POST",
    headers: {
      ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
      "Content-Type": type,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function matchesOf(body: unknown) {
  const response = await check(body);
  expect(response.status).toBe(200);
  return vocabularyCheckResponse.parse(await response.json()).matches;
}

// The four phrases reps say, with inflections, punctuation and case changed.
const pitch =
  "Honestly, our platform STREAMLINED your processes. And the AI does the heavy-lifting!\n" +
  "It's an Effortless   transformation, with seamless integrations, of course.";

test("the check finds every listed phrase, as written, with each product's term, module and week", async () => {
  const matches = await matchesOf({ text: pitch });
  expect(
    matches.map((m) => [
      pitch.slice(m.start, m.end),
      m.product,
      m.term,
      m.module.slug,
      m.week,
      m.phrase,
    ]),
  ).toEqual([
    [
      "STREAMLINED your processes",
      "crewline",
      "Dispatch board",
      "dispatch-board",
      2,
      "streamlines your processes",
    ],
    [
      "STREAMLINED your processes",
      "ledgerflow",
      "Ingestion rule",
      "ingestion-rules",
      2,
      "streamlines your processes",
    ],
    [
      "AI does the heavy-lifting",
      "calliper",
      "AutoQA",
      "week-2/autoqa",
      2,
      "AI does the heavy lifting",
    ],
    [
      "AI does the heavy-lifting",
      "crewline",
      "Suggest-only mode",
      "auto-scheduling",
      3,
      "AI does the heavy lifting",
    ],
    [
      "Effortless   transformation",
      "crewline",
      "Rollout wave",
      "billing-and-go-live",
      4,
      "effortless transformation",
    ],
    [
      "Effortless   transformation",
      "ledgerflow",
      "Parallel close",
      "first-close",
      4,
      "effortless transformation",
    ],
    [
      "seamless integrations",
      "crewline",
      "CRM integration",
      "billing-and-go-live",
      4,
      "seamless integration",
    ],
    [
      "seamless integrations",
      "ledgerflow",
      "Hourly ERP sync",
      "erp-integration",
      3,
      "seamless integration",
    ],
  ]);
  // The contract: exactly these names, a definition and the module's title from the content.
  for (const match of matches)
    expect(Object.keys(match).sort()).toEqual(
      ["definition", "end", "module", "phrase", "product", "start", "term", "week"].sort(),
    );
  expect(matches[1]).toMatchObject({
    definition: expect.stringContaining("nobody uploads files on Mondays"),
    module: { slug: "ingestion-rules", title: "Automate ingestion with rules" },
  });
});

test("one product's glossary only, when asked; a clean text has no matches", async () => {
  const ledgerflow = await matchesOf({ text: pitch, product: "ledgerflow" });
  expect(ledgerflow.map((m) => [m.term, m.week])).toEqual([
    ["Ingestion rule", 2],
    ["Parallel close", 4],
    ["Hourly ERP sync", 3],
  ]);
  const clean =
    "In week 2 your team sets up ingestion rules and a bank feed; the seamlessly named integrationist streamlines nothing. Week 3 connects the ERP after the test sync ties to history.";
  expect(await matchesOf({ text: clean })).toEqual([]);
});

test("bad input is a 400 naming the field; an unknown product a 404; a non-JSON body a 415", async () => {
  for (const [body, message] of [
    [{}, /`text`/],
    [{ text: "" }, /`text` must not be empty/],
    [{ text: 42 }, /`text` Expected string/],
    [{ text: "x".repeat(20_001) }, /`text` may be at most 20,000 characters/],
    [{ text: "hi", extra: true }, /Unknown field: extra/],
    [{ text: "hi", product: "Not A Slug" }, /`product` must be a product slug/],
    [[], /Expected object/],
  ] as const) {
    const response = await check(body);
    expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    expect((await response.json()).error).toMatch(message);
  }
  expect((await check("{ not json")).status).toBe(400);
  expect((await check({ text: "x".repeat(20_000) })).status).toBe(200);
  const unknown = await check({ text: "hi", product: "no-such-product" });
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toEqual({ error: "No product has that slug." });
  expect((await check("text=hi", { type: "application/x-www-form-urlencoded" })).status).toBe(415);
  const get = await fetch(`${server.baseUrl}/api/v1/vocabulary/check`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(get.status).toBe(405);
});

test("no token or a dead one is a 401; a token without vocabulary:read a 403", async () => {
  const none = await check({ text: pitch }, { bearer: "" });
  expect(none.status).toBe(401);
  expect(await none.json()).toEqual({ error: expect.stringMatching(/Bearer/) });
  expect((await check({ text: pitch }, { bearer: `${token}x` })).status).toBe(401);
  const eligibilityOnly = createApiToken(server, ["eligibility:read"]);
  const refused = await check({ text: pitch }, { bearer: eligibilityOnly });
  expect(refused.status).toBe(403);
  expect(await refused.json()).toEqual({ error: expect.stringContaining("vocabulary:read") });
});

test("the OpenAPI document describes the endpoint and its scope", async () => {
  const document = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
  const path = document.paths["/api/v1/vocabulary/check"];
  expect(Object.keys(path)).toEqual(["post"]);
  expect(path.post.security).toEqual([{ bearer: ["vocabulary:read"] }]);
  expect(Object.keys(path.post.responses)).toEqual(
    expect.arrayContaining(["200", "400", "401", "403", "404", "415"]),
  );
  expect(Object.keys(document.components.schemas)).toEqual(
    expect.arrayContaining([
      "VocabularyCheckRequest",
      "VocabularyMatch",
      "VocabularyCheckResponse",
    ]),
  );
});

test("a JSON body sent in chunks, with no length up front, is read when small and refused past 1 MB", async () => {
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  const url = `${server.baseUrl}/api/v1/vocabulary/check`;
  const small = await fetch(
    url,
    chunkedPost(chunkedBody(JSON.stringify({ text: pitch })), headers),
  );
  expect(small.status).toBe(200);
  expect(vocabularyCheckResponse.parse(await small.json()).matches.length).toBeGreaterThan(0);

  const large = await fetch(url, chunkedPost(chunkedBody('{"text":"', 1_100_000), headers));
  expect(large.status).toBe(413);
  expect(((await large.json()) as { error: string }).error).toMatch(/larger than 1 MB/);
});
