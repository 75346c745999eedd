import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyDocsProducts, docsFixtures } from "../fixtures/docs/docs-folders";
import { describeViolations, seriousViolations } from "./axe";
import { browserForThisFile, signedInContext, demoEmail } from "./browser";
import { demoCatalog } from "./content-keys";
import { personByEmail, readDemoHandoffs, readDemoPeople } from "./demo-people";
import { listRouteFiles } from "./route-files";
import { startServer, type RunningServer } from "./start-server";

// axe-core on every page each role can open, on every module of content/ and of the fixture docs;
// any critical or serious violation fails, named with its page and element.

const browser = browserForThisFile();

type Fixtures = {
  certificatesOf: (local: string) => string[];
  personId: (local: string) => string;
  handoffOf: (accountName: string) => string;
  products: string[];
  /** Modules whose revision is above 1: the ones a "what changed" page compares. */
  revised: { product: string; module: string }[];
};

// The pages each route file serves; a page route file without an entry fails the test.
const pagesOf: Record<string, (f: Fixtures) => string[]> = {
  "$.tsx": () => ["/no/such/page"],
  "_index.tsx": () => ["/"],
  "admin.api.tsx": () => ["/admin/api"],
  "admin.integrations.tsx": () => ["/admin/integrations"],
  "admin.tokens.tsx": () => ["/admin/tokens"],
  "admin.users.tsx": () => ["/admin/users"],
  "certificates.$id.tsx": (f) => [
    ...f.certificatesOf("rep1").map((id) => `/certificates/${id}`),
    ...f.certificatesOf("rep4").map((id) => `/certificates/${id}`),
  ],
  "certificates._index.tsx": () => ["/certificates"],
  "content.tsx": () => ["/content"],
  "content_.impact.tsx": () => ["/content/impact"],
  "content_.history.$product.$.tsx": () => ["/content/history/ledgerflow/ingestion-rules"],
  "content_.preview.$product.$.tsx": () => ["/content/preview/ledgerflow/ingestion-rules"],
  "content_.sync.tsx": () => ["/content/sync"],
  "friction.tsx": () => ["/friction"],
  "glossary.tsx": () => ["/glossary", "/glossary?q=rule"],
  "handoffs._index.tsx": () => ["/handoffs"],
  "handoffs.new.tsx": () => ["/handoffs/new"],
  "handoffs.$id.tsx": (f) => [`/handoffs/${f.handoffOf("Lumen Telecom")}`],
  "handoffs.$id_.edit.tsx": (f) => [`/handoffs/${f.handoffOf("Lumen Telecom")}/edit`],
  "login.tsx": () => ["/login"],
  // Every module of every product is checked below, once per content folder.
  "products.$product.$.tsx": () => ["/products/ledgerflow/ingestion-rules"],
  "products.$product._index.tsx": (f) => f.products.map((p) => `/products/${p}`),
  "products._index.tsx": () => ["/products"],
  "settings.notifications.tsx": () => ["/settings/notifications"],
  "team.tsx": () => ["/team"],
  "team_.notifications.tsx": () => ["/team/notifications"],
  "team_.reps.$repId.tsx": (f) => [`/team/reps/${f.personId("rep4")}`],
  "verify._index.tsx": () => ["/verify"],
  "verify.$id.tsx": (f) => [
    ...f.certificatesOf("rep1").map((id) => `/verify/${id}`),
    ...f.certificatesOf("rep4").map((id) => `/verify/${id}`),
  ],
  "vocabulary.check.tsx": () => ["/vocabulary/check"],
  "what-changed.$product.$.tsx": (f) =>
    f.revised.map((r) => `/what-changed/${r.product}/${r.module}`),
};

// rep1 certified, rep2 refresh due, rep3 part-way, rep4 lapsed, rep5 not started.
const accounts = [
  null,
  "rep1",
  "rep2",
  "rep3",
  "rep4",
  "rep5",
  "manager1",
  "author",
  "csm",
  "admin",
] as const;

// Its own demo server, because the page list is read from the people and handoffs in its database.
let server: RunningServer;
let docsServer: RunningServer;
const docsContentDir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-axe-docs-"));
const problems: string[] = [];
const figures = { pages: 0 };

beforeAll(async () => {
  copyDocsProducts({ contentDir: docsContentDir, folders: docsFixtures });
  fs.cpSync("app/content/__fixtures__/good/products", path.join(docsContentDir, "products"), {
    recursive: true,
  });
  server = await startServer();
  docsServer = await startServer({
    CONTENT_DIR: docsContentDir,
    DATABASE_PATH: path.join(docsContentDir, "axe.db"),
  });
});

afterAll(async () => {
  await server?.stop();
  await docsServer?.stop();
  fs.rmSync(docsContentDir, { recursive: true, force: true });
  console.log(`accessibility: ${figures.pages} pages checked with axe-core`);
});

async function contextFor(baseUrl: string, account: string | null): Promise<BrowserContext> {
  return signedInContext(browser(), baseUrl, account, { viewport: { width: 1280, height: 900 } });
}

/** Opens each path once (by where it lands) and collects axe's serious and critical findings. */
async function checkPages({
  baseUrl,
  account,
  paths,
}: {
  baseUrl: string;
  account: string | null;
  paths: string[];
}) {
  const context = await contextFor(baseUrl, account);
  const page = await context.newPage();
  const seen = new Set<string>();
  try {
    for (const target of paths) {
      const response = await page.goto(`${baseUrl}${target}`, { waitUntil: "load" });
      const status = response?.status() ?? 0;
      const landed = new URL(page.url()).pathname + new URL(page.url()).search;
      // Error pages share one layout: the first 403 and the first 404 of each role stand for the rest.
      const key = status === 403 || status === 404 ? String(status) : landed;
      if (seen.has(key)) continue;
      seen.add(key);
      figures.pages++;
      const where = `${landed} as ${account ?? "signed out"}`;
      problems.push(...describeViolations(where, await seriousViolations(page)));
    }
  } finally {
    await context.close();
  }
}

function report(label: string) {
  const found = problems.splice(0);
  if (found.length) console.log(`${label}:\n${found.join("\n")}`);
  return found;
}

test("every page of every role has no critical or serious axe violation", async () => {
  const baseUrl = server.baseUrl;
  const people = readDemoPeople(server.dataDir);
  const handoffs = readDemoHandoffs(server.dataDir);
  const catalog = await demoCatalog();
  const fixtures: Fixtures = {
    certificatesOf: (local) => personByEmail(people, demoEmail(local)).certificationIds,
    personId: (local) => personByEmail(people, demoEmail(local)).id,
    handoffOf: (name) => {
      const found = handoffs.find((h) => h.accountName === name);
      if (!found) throw new Error(`No demo handoff ${name}`);
      return found.id;
    },
    products: catalog.map((p) => p.slug),
    revised: catalog.flatMap((p) =>
      p.modules.filter((m) => m.revision > 1).map((m) => ({ product: p.slug, module: m.slug })),
    ),
  };
  const pageRoutes = listRouteFiles().filter((r) => r.exportsComponent);
  const missing = pageRoutes.filter((r) => !pagesOf[r.file]).map((r) => r.file);
  expect(missing, "page routes without an entry in pagesOf").toEqual([]);
  const paths = pageRoutes.flatMap((r) => pagesOf[r.file](fixtures));
  for (const account of accounts) await checkPages({ baseUrl, account, paths });
  expect(report("demo pages")).toEqual([]);
  expect(figures.pages).toBeGreaterThan(150);
}, 600_000);

test("every module of content/ and of the fixture docs has no critical or serious axe violation", async () => {
  const modulePaths = (products: Awaited<ReturnType<typeof demoCatalog>>) =>
    products.flatMap((p) => p.modules.map((m) => `/products/${p.slug}/${m.slug}`));
  const demo = modulePaths(await demoCatalog());
  const docs = modulePaths(await demoCatalog(docsContentDir));
  expect(docs.length).toBeGreaterThan(10);
  await checkPages({ baseUrl: server.baseUrl, account: "rep3", paths: demo });
  await checkPages({ baseUrl: docsServer.baseUrl, account: "rep3", paths: docs });
  expect(report("module pages")).toEqual([]);
}, 600_000);
