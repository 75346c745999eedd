import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Product, QuizKey } from "~/content/types";
import { copyDocsProducts, docsFixtures } from "../fixtures/docs/docs-folders";
import { demoEmail, signInCookie } from "./browser";
import {
  demoCatalog,
  moduleWithKeys,
  rotateCorrectChoices,
  withCorrectChoices,
} from "./content-keys";
import { createApiToken } from "./api-token";
import { readDemoHandoffs } from "./demo-people";
import { writeRepStatuses } from "./rep-statuses";
import { startServer, type RunningServer } from "./start-server";

type Target = { product: string; module: string };
type Reader = "rep5" | "rep2" | "api";

/**
 * Every response the scan reads for each module, as `reader` (default rep5, who has answered nothing).
 * A route under /api/ that returns anything about modules or quizzes gets one line here.
 */
let webhookId = "";
let handoffId = "";
const scannedResponses: {
  route: string;
  reader?: Reader;
  url: (t: Target) => string;
  /** A JSON body to POST instead of a GET. */
  post?: (t: Target) => unknown;
}[] = [
  {
    route: "api.v1.eligibility.ts",
    reader: "api",
    url: (t) => `/api/v1/eligibility?rep=${demoEmail("rep5")}&product=${t.product}`,
  },
  {
    route: "api.v1.eligibility.batch.ts",
    reader: "api",
    url: () => "/api/v1/eligibility/batch",
    post: (t) => ({ checks: [{ rep: demoEmail("rep2"), product: t.product }] }),
  },
  { route: "api.v1.certifications.ts", reader: "api", url: () => "/api/v1/certifications" },
  { route: "api.v1.openapi[.]json.ts", reader: "api", url: () => "/api/v1/openapi.json" },
  {
    route: "api.v1.vocabulary.check.ts",
    reader: "api",
    url: () => "/api/v1/vocabulary/check",
    post: (t) => ({ text: `A seamless integration for ${t.product}, ${t.module}.` }),
  },
  { route: "api.v1.webhooks.ts", reader: "api", url: () => "/api/v1/webhooks" },
  { route: "api.v1.handoffs.$id.ts", reader: "api", url: () => `/api/v1/handoffs/${handoffId}` },
  { route: "api.v1.webhooks.$id.ts", reader: "api", url: () => `/api/v1/webhooks/${webhookId}` },
  { route: "products.$product.$.tsx", url: (t) => `/products/${t.product}/${t.module}` },
  { route: "products.$product.$.tsx", url: (t) => `/products/${t.product}/${t.module}.data` },
  { route: "products.$product._index.tsx", url: (t) => `/products/${t.product}` },
  { route: "products.$product._index.tsx", url: (t) => `/products/${t.product}.data` },
  { route: "what-changed.$product.$.tsx", url: (t) => `/what-changed/${t.product}/${t.module}` },
  // rep2 is certified on an earlier revision of LedgerFlow, so these are real diffs.
  {
    route: "what-changed.$product.$.tsx",
    reader: "rep2",
    url: (t) => `/what-changed/${t.product}/${t.module}`,
  },
  {
    route: "what-changed.$product.$.tsx",
    reader: "rep2",
    url: (t) => `/what-changed/${t.product}/${t.module}.data`,
  },
];

// Marks of a graded quiz: any of them before a submit gives the answer away.
const answerMarkers = [
  /fh-choice--correct/,
  /fh-choice--wrong/,
  /fh-choice__mark/,
  /Correct answer/,
  /fh-quiz__explanation/,
  /fh-quiz__verdict/,
  /"correct"/,
  /\bcorrect\s*[:=]\s*(?:!0|true|\[|\{|")/,
  /"explanationHtml"/,
  /"quizKeys"/,
  /<input[^>]*name="choice"[^>]*checked/,
];

const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-secrets-"));
let server: RunningServer;
let catalog: Product[];
let fixtureSlugs: string[];
const keys = new Map<string, QuizKey[]>();
const cookies = new Map<Reader, string>();
let apiToken: string;

beforeAll(async () => {
  fs.cpSync("content", contentDir, { recursive: true });
  fixtureSlugs = copyDocsProducts({ contentDir, folders: docsFixtures });
  // Compiling the answer keys here while the server compiles its own copy halves the wait.
  [server, catalog] = await Promise.all([
    startServer({ CONTENT_DIR: contentDir }),
    demoCatalog(contentDir),
  ]);
  for (const product of catalog) {
    for (const module of product.modules) {
      const page = await moduleWithKeys({
        productSlug: product.slug,
        moduleSlug: module.slug,
        contentDir,
      });
      keys.set(`${product.slug}/${module.slug}`, page.quizKeys);
    }
  }
  for (const reader of ["rep5", "rep2"] as const)
    cookies.set(reader, await signInCookie(server.baseUrl, demoEmail(reader)));
  apiToken = createApiToken(server, [
    "eligibility:read",
    "certifications:read",
    "webhooks:write",
    "vocabulary:read",
    "handoffs:read",
  ]);
  const registered = await fetch(`${server.baseUrl}/api/v1/webhooks`, {
    method: "POST",
    headers: { Authorization: `Bearer ${apiToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      url: "https://crm.example.com/hooks",
      secret: "a-secret-of-16-chars",
      events: ["certification.issued"],
    }),
  });
  webhookId = ((await registered.json()) as { id: string }).id;
  handoffId = readDemoHandoffs(server.dataDir)[0].id;
  // So the reconcile feed has verdicts to scan: rep2 part-certified, rep5 not started, every product.
  writeRepStatuses(
    server,
    catalog.flatMap((product) =>
      ["rep2", "rep5"].map((rep) => ({
        email: demoEmail(rep),
        product: product.slug,
        status: "in_progress",
        eligible: false,
        changedAt: new Date(),
      })),
    ),
  );
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

async function get(url: string, reader: Reader = "rep5", post?: unknown) {
  const response = await fetch(`${server.baseUrl}${url}`, {
    method: post === undefined ? "GET" : "POST",
    body: post === undefined ? undefined : JSON.stringify(post),
    headers:
      reader === "api"
        ? { Authorization: `Bearer ${apiToken}`, "Content-Type": "application/json" }
        : { Cookie: cookies.get(reader)! },
  });
  expect(response.status, url).toBe(200);
  return response.text();
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** A body as a reader would see its text, whether it is HTML, loader data or script: escapes undone. */
function readable(body: string, { stripTags }: { stripTags: boolean }) {
  let text = body
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\+[nrt]/g, " ")
    .replace(/\\+(["'`])/g, "$1");
  if (stripTags) text = text.replace(/<[^>]+>/g, " ");
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => entities[name])
    .replace(/\s+/g, " ");
}

/** Runs of an explanation's words long enough to be its own: found anywhere, they are a leak. */
function explanationPhrases(key: QuizKey) {
  const text = readable(key.explanationHtml, { stripTags: true });
  const phrases = text
    .split(/[^A-Za-z0-9 ,.;:()-]+/)
    .map((run) => run.trim())
    .filter((run) => run.length >= 30)
    .map((run) => run.slice(0, 60));
  expect(phrases.length, `explanation of ${key.id} has a phrase to look for`).toBeGreaterThan(0);
  return phrases;
}

function phrasesIn(body: string, phrases: string[]) {
  const views = [readable(body, { stripTags: false }), readable(body, { stripTags: true })];
  return phrases.filter((phrase) => views.some((view) => view.includes(phrase)));
}

const leaksIn = (body: string, phrases: string[]) => [
  ...answerMarkers.filter((marker) => marker.test(body)).map(String),
  ...phrasesIn(body, phrases),
];

test("no page, loader data, diff or script of any module in content/ or the fixtures reveals a correct choice or an explanation", async () => {
  const contentSlugs = fs.readdirSync("content/products");
  expect(catalog.map((p) => p.slug).sort()).toEqual([...contentSlugs, ...fixtureSlugs].sort());
  const scripts = new Set<string>();
  const phrases: string[] = [];
  const choiceTexts: string[] = [];
  let responses = 0;
  let quizzes = 0;
  let diffs = 0;
  for (const product of catalog) {
    for (const module of product.modules) {
      const moduleKeys = keys.get(`${product.slug}/${module.slug}`) ?? [];
      const own = moduleKeys.flatMap(explanationPhrases);
      phrases.push(...own);
      choiceTexts.push(
        ...moduleKeys.flatMap((k) => k.choices.map((c) => c.text)).filter((t) => t.length >= 24),
      );
      quizzes += moduleKeys.length;
      for (const response of scannedResponses) {
        const url = response.url({ product: product.slug, module: module.slug });
        const target = { product: product.slug, module: module.slug };
        const body = await get(url, response.reader, response.post?.(target));
        expect(leaksIn(body, own), `${url} as ${response.reader ?? "rep5"}`).toEqual([]);
        if (body.includes("Knowledge-check answers are hidden")) diffs++;
        for (const src of body.matchAll(/["'(](\/assets\/[^"'()\s]+\.js)["')]/g))
          scripts.add(src[1]);
        responses++;
      }
      // The page really is the module: every question is on it, so the scan read the right thing.
      const html = await get(`/products/${product.slug}/${module.slug}`);
      for (const key of moduleKeys)
        expect(readable(html, { stripTags: true }), key.id).toContain(
          readable(key.question, { stripTags: false }),
        );
    }
  }
  expect(quizzes).toBeGreaterThan(40);
  expect(diffs, "what-changed diffs scanned").toBeGreaterThan(0);

  // Every script the pages load, and every chunk those import, holds no quiz content at all.
  const queue = [...scripts];
  for (let url = queue.shift(); url; url = queue.shift()) {
    const js = await get(url);
    // The quiz component itself draws graded states, so scripts are checked for content, not markup.
    expect(phrasesIn(js, phrases), `${url} holds explanations`).toEqual([]);
    expect(
      choiceTexts.filter((text) => js.includes(text)),
      `${url} holds quiz choices`,
    ).toEqual([]);
    expect(js, url).not.toMatch(/\bcorrect\s*:\s*\[\s*["']\d/);
    for (const imported of js.matchAll(/["'`]((?:\.{1,2}|\/assets)\/[^"'`\s]+\.js)["'`]/g)) {
      const resolved = new URL(imported[1], `${server.baseUrl}${url}`).pathname;
      // Every chunk the build emits is in /assets/; a bundled library also carries path strings of
      // its own sources (mermaid's parser names node_modules files), which no page ever loads.
      if (!resolved.startsWith("/assets/")) continue;
      if (!scripts.has(resolved)) {
        scripts.add(resolved);
        queue.push(resolved);
      }
    }
    responses++;
  }
  expect(scripts.size).toBeGreaterThan(3);
  console.info(
    `answer secrecy: ${quizzes} quizzes in ${keys.size} modules, ${responses} responses scanned (${scripts.size} scripts)`,
  );
});

test("author preview and history pages, and their data, refuse reps without a word of any answer key", async () => {
  const author = await signInCookie(server.baseUrl, demoEmail("author"));
  let refusals = 0;
  for (const product of catalog) {
    for (const module of product.modules) {
      const own = (keys.get(`${product.slug}/${module.slug}`) ?? []).flatMap(explanationPhrases);
      for (const base of ["/content/preview", "/content/history"]) {
        for (const suffix of ["", ".data"]) {
          const url = `${base}/${product.slug}/${module.slug}${suffix}`;
          for (const reader of ["rep5", "rep2"] as const) {
            const response = await fetch(`${server.baseUrl}${url}`, {
              headers: { Cookie: cookies.get(reader)! },
            });
            const body = await response.text();
            expect(response.status, `${url} as ${reader}`).toBe(403);
            expect(leaksIn(body, own), `${url} as ${reader}`).toEqual([]);
            refusals++;
          }
        }
      }
      // The scan would see a key: the author's preview shows every explanation.
      if (own.length) {
        const html = await (
          await fetch(`${server.baseUrl}/content/preview/${product.slug}/${module.slug}`, {
            headers: { Cookie: author },
          })
        ).text();
        expect(phrasesIn(html, own), `${product.slug}/${module.slug} preview`).toEqual(own);
      }
    }
  }
  expect(refusals).toBeGreaterThan(100);
});

test("every route under /api/ is part of the scan", () => {
  const routes = fs.readdirSync("app/routes");
  for (const response of scannedResponses) expect(routes).toContain(response.route);
  const scanned = new Set(scannedResponses.map((response) => response.route));
  expect(routes.filter((route) => route.startsWith("api.") && !scanned.has(route))).toEqual([]);
});

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

test("a module's compiled code, page and loader data are the same bytes whichever choice is correct", async () => {
  const samples = catalog.flatMap((product) =>
    product.modules
      .filter((module) => module.quizIds.length)
      .map((module) => {
        const file = path.join(contentDir, "products", product.slug, module.path);
        const source = fs.readFileSync(file, "utf8");
        // Both variants written the same way, so the only difference is where `correct` sits.
        const asWritten = withCorrectChoices(source, (correct) => correct);
        return {
          product: product.slug,
          module: module.slug,
          file,
          variants: [asWritten, rotateCorrectChoices(source)],
        };
      }),
  );
  expect(samples.length).toBeGreaterThanOrEqual(20);

  const seen: {
    code: string | null;
    correct: string[];
    servesVariant: boolean;
    html: string;
    data: string;
  }[][] = [];
  for (const variant of [0, 1]) {
    for (const sample of samples) fs.writeFileSync(sample.file, sample.variants[variant]);
    // The server re-scans content at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    seen.push(
      await Promise.all(
        samples.map(async (sample) => {
          const url = `/products/${sample.product}/${sample.module}`;
          const page = await moduleWithKeys({
            productSlug: sample.product,
            moduleSlug: sample.module,
            contentDir,
          });
          const hash = sha256(sample.variants[variant]);
          const html = await get(url);
          const data = await get(`${url}.data`);
          // The source hash and the per-response CSP nonce differ by design; nothing else may.
          const withoutHash = (body: string) =>
            body
              .replaceAll(hash, "<sha256>")
              .replaceAll(hash.slice(0, 12), "<sha256>")
              .replace(/nonce="[^"]*"/g, 'nonce=""');
          return {
            code: page.code,
            correct: page.quizKeys.map((k) => k.correct.join()),
            servesVariant: html.includes(hash) && data.includes(hash),
            html: withoutHash(html),
            data: withoutHash(data),
          };
        }),
      ),
    );
  }
  samples.forEach((sample, index) => {
    const [a, b] = [seen[0][index], seen[1][index]];
    const where = `${sample.product}/${sample.module}`;
    expect(a.servesVariant && b.servesVariant, `${where} served both variants`).toBe(true);
    expect(a.correct, `${where} variants have different answers`).not.toEqual(b.correct);
    expect(a.code, `${where} compiled code`).not.toBeNull();
    expect(a.code === b.code, `${where} compiled code differs`).toBe(true);
    expect(a.data === b.data, `${where} loader data differs`).toBe(true);
    expect(a.html === b.html, `${where} page differs`).toBe(true);
  });
});
