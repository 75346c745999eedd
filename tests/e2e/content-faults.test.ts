import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { demoEmail, signInCookie } from "./browser";
import { moduleWithKeys } from "./content-keys";
import { startServer, type RunningServer } from "./start-server";

// Its own server over a copy of the demo content, which the test breaks while it runs.
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-faults-content-"));
fs.cpSync("content", contentDir, { recursive: true });
const productDir = path.join(contentDir, "products/ledgerflow");
const moduleFile = path.join(productDir, "ingestion-rules.mdx");
// Crewline's policy differs from the defaults a broken file used to fall back to.
const configFile = path.join(contentDir, "products/crewline/product.yml");
const goodModule = fs.readFileSync(moduleFile, "utf8");
const goodConfig = fs.readFileSync(configFile, "utf8");

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ CONTENT_DIR: contentDir });
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

/** The page's HTML without React's text-boundary comments, so sentences read whole. */
async function page(cookie: string, url: string) {
  const html = await (
    await fetch(`${server.baseUrl}${url}`, { headers: { Cookie: cookie } })
  ).text();
  return html.replaceAll("<!-- -->", "");
}

// The running server re-scans content at most once a second.
const afterRescan = () => new Promise((resolve) => setTimeout(resolve, 1200));

const policyLine = (html: string) => html.match(/Pass mark \d+%[^<]*/)?.[0];
const pill = (html: string) => html.match(/class="pill[^"]*"[^>]*>([^<]+)</)?.[1];

test("a broken product.yml or a broken revision bump, while serving, changes no one's certification; footers name the file inside the content folder", async () => {
  const rep1 = await signInCookie(server.baseUrl, demoEmail("rep1"));
  const rep2 = await signInCookie(server.baseUrl, demoEmail("rep2"));
  const author = await signInCookie(server.baseUrl, demoEmail("author"));
  const track = "/products/ledgerflow";
  // CONTENT_DIR lies outside the app's folder here: the footer names the file inside it, nothing more.
  const footer = (await page(rep1, `${track}/ingestion-rules`)).match(
    /<footer class="module-footer[\s\S]*?<\/footer>/,
  )?.[0];
  expect(footer).toContain("<code>products/ledgerflow/ingestion-rules.mdx</code>");
  expect(footer).not.toContain("..");
  expect(footer).not.toContain(os.tmpdir());

  const policy = policyLine(await page(rep1, "/products/crewline"));
  expect(policy).toMatch(/Pass mark 70%.* 5 attempts/);
  expect(pill(await page(rep1, track))).toBe("Certified");
  expect(pill(await page(rep2, track))).toBe("Refresh due");

  fs.writeFileSync(
    configFile,
    goodConfig
      .replace(/passMark: [\d.]+/, "passMark: 7")
      .replace(/maxAttemptsPerDay: \d+/, "maxAttemptsPerDay: many"),
  );
  await afterRescan();
  expect(policyLine(await page(rep1, "/products/crewline"))).toBe(policy);
  expect(await page(author, "/content")).toMatch(/last good version .* stays in use/);

  // The author bumps the revision in an edit that does not compile: reps still get revision 2.
  fs.writeFileSync(
    moduleFile,
    goodModule.replace("revision: 2", "revision: 3") + "\n<Note>\nunclosed\n",
  );
  await afterRescan();
  expect(pill(await page(rep1, track))).toBe("Certified");
  expect(pill(await page(rep2, track))).toBe("Refresh due");

  // rep2 re-takes what is served, and is certified on revision 2 with the served source.
  const { quizKeys, module } = await moduleWithKeys({
    productSlug: "ledgerflow",
    moduleSlug: "ingestion-rules",
    contentDir: "content",
  });
  const modulePath = `${track}/ingestion-rules`;
  const startedAt = Date.now();
  for (const key of quizKeys) {
    const answer = await fetch(`${server.baseUrl}${modulePath}`, {
      method: "POST",
      headers: { Cookie: rep2 },
      body: new URLSearchParams([
        ["intent", "answer-quiz"],
        ["quizId", key.id],
        ...key.correct.map((c) => ["choice", c]),
      ]),
    });
    expect(answer.status).toBe(200);
  }
  const done = await fetch(`${server.baseUrl}${modulePath}`, {
    method: "POST",
    headers: { Cookie: rep2 },
    body: new URLSearchParams({ intent: "complete-module", confirm: "yes" }),
  });
  expect(done.status).toBe(200);
  expect(pill(await page(rep2, track))).toBe("Certified");
  const db = new Database(path.join(server.dataDir, "e2e.db"), { readonly: true });
  const progress = db
    .prepare(
      `SELECT completed_revision AS revision, completed_source_hash AS hash FROM module_progress
       JOIN users ON users.id = module_progress.user_id
       WHERE users.email = ? AND product_slug = 'ledgerflow' AND module_slug = 'ingestion-rules'`,
    )
    .get(demoEmail("rep2"));
  const attempts = db
    .prepare(
      `SELECT DISTINCT module_revision AS revision FROM quiz_attempts
       JOIN users ON users.id = quiz_attempts.user_id
       WHERE users.email = ? AND module_slug = 'ingestion-rules' AND attempted_at >= ?`,
    )
    .all(demoEmail("rep2"), startedAt);
  db.close();
  expect(progress).toEqual({ revision: 2, hash: module.sourceHash });
  expect(attempts).toEqual([{ revision: 2 }]);

  // A new module that never compiled is shown as unavailable and asked of nobody.
  const ledgerflowConfig = path.join(productDir, "product.yml");
  fs.writeFileSync(path.join(productDir, "go-live-checks.mdx"), "# Go-live checks\n\n<Tip>\n");
  fs.writeFileSync(
    ledgerflowConfig,
    fs
      .readFileSync(ledgerflowConfig, "utf8")
      .replace("  - first-close\n", "  - first-close\n  - go-live-checks\n"),
  );
  await afterRescan();
  expect(pill(await page(rep1, track))).toBe("Certified");
  const unavailable = await fetch(`${server.baseUrl}${track}/go-live-checks`, {
    method: "POST",
    headers: { Cookie: rep1 },
    body: new URLSearchParams({ intent: "complete-module", confirm: "yes" }),
  });
  expect(unavailable.status).toBe(409);
  expect(await unavailable.text()).toMatch(/unavailable right now/);

  // Once the edit compiles, revision 3 is what reps are served, and only then is a refresh due.
  fs.writeFileSync(moduleFile, goodModule.replace("revision: 2", "revision: 3"));
  fs.writeFileSync(configFile, goodConfig);
  await afterRescan();
  expect(pill(await page(rep1, track))).toBe("Refresh due");
  expect(pill(await page(rep2, track))).toBe("Refresh due");
  expect(policyLine(await page(rep1, "/products/crewline"))).toBe(policy);
});
