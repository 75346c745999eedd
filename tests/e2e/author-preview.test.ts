import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { browserForThisFile, demoEmail, signIn, signInCookie } from "./browser";
import { startServer, type RunningServer } from "./start-server";

// Its own server over a copy of the demo content, which the test edits the way an author would.
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-author-preview-"));
fs.cpSync("content", contentDir, { recursive: true });
const moduleFile = path.join(contentDir, "products/ledgerflow/ingestion-rules.mdx");
const goodModule = fs.readFileSync(moduleFile, "utf8");
const brokenLine = 18;
const brokenText = "Set the rule owner to <Term>the controller.";

const browser = browserForThisFile();
let server: RunningServer;
let db: Database.Database;
beforeAll(async () => {
  server = await startServer({ CONTENT_DIR: contentDir });
  db = new Database(path.join(server.dataDir, "e2e.db"), { readonly: true, fileMustExist: true });
});
afterAll(async () => {
  db.close();
  await server.stop();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

// The running server re-scans content at most once a second.
const afterRescan = () => new Promise((resolve) => setTimeout(resolve, 1200));

/** Everything a rep's learning leaves behind, row by row: any preview that wrote would show here. */
function repRecords() {
  return ["quiz_attempts", "module_progress", "certifications", "rep_statuses", "enrolments"].map(
    (table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all(),
  );
}

async function statusOn(cookie: string, url: string) {
  const html = await (
    await fetch(`${server.baseUrl}${url}`, { headers: { Cookie: cookie } })
  ).text();
  return html.match(/class="pill[^"]*"[^>]*>([^<]+)</)?.[1];
}

test("an author previews a module whose edit fails to compile: the error line beside the last good version, answer key shown, nothing recorded", async () => {
  const rep1 = await signInCookie(server.baseUrl, demoEmail("rep1"));
  const rep2 = await signInCookie(server.baseUrl, demoEmail("rep2"));
  expect(await statusOn(rep1, "/products/ledgerflow")).toBe("Certified");
  expect(await statusOn(rep2, "/products/ledgerflow")).toBe("Refresh due");

  // The author raises the revision in an edit that does not compile.
  const lines = goodModule.replace("revision: 2", "revision: 3").split("\n");
  lines.splice(brokenLine - 1, 0, brokenText);
  fs.writeFileSync(moduleFile, lines.join("\n"));
  await afterRescan();
  const before = repRecords();

  const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, server.baseUrl, demoEmail("author"));
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Content status" })
    .click();
  await page.getByRole("link", { name: "Preview Automate ingestion with rules" }).click();
  await page.waitForURL(/\/content\/preview\/ledgerflow\/ingestion-rules$/);

  const failure = page.getByRole("complementary", { name: "The latest edit does not compile" });
  await expect.poll(() => failure.isVisible()).toBe(true);
  await expect
    .poll(() => failure.textContent())
    .toContain(`products/ledgerflow/ingestion-rules.mdx:${brokenLine}`);
  expect(await failure.textContent()).toContain("Expected a closing tag for `<Term>`");
  const excerpt = failure.getByLabel(/Source around products\/ledgerflow\/ingestion-rules\.mdx/);
  const flagged = excerpt.locator(".source-line-flagged");
  expect(await flagged.textContent()).toBe(`${brokenLine}Error here: ${brokenText}\n`);
  expect(await excerpt.locator(".source-line").count()).toBe(7);
  expect(await failure.textContent()).toMatch(/revision 2, served since/);
  expect(await failure.textContent()).toMatch(/raises the revision to 3/);

  // Beside it, the version reps are served: revision 2, without the broken line.
  const article = page.locator("article.module-article");
  expect(await article.getByText(/^Last good version · sha256 [0-9a-f]{12}$/).count()).toBe(1);
  expect(await article.getByText("Revision 2", { exact: true }).count()).toBe(1);
  expect(await article.textContent()).not.toContain("Set the rule owner");
  const failureBox = (await failure.boundingBox())!;
  const articleBox = (await article.boundingBox())!;
  expect(failureBox.x + failureBox.width).toBeLessThanOrEqual(articleBox.x);

  // Every knowledge check shows its key and explanation to the author.
  const quizzes = page.locator("section.fh-quiz");
  const quizCount = await quizzes.count();
  expect(quizCount).toBeGreaterThan(0);
  for (let i = 0; i < quizCount; i++) {
    const marks = quizzes.nth(i).locator(".fh-choice__mark", { hasText: "Correct answer" });
    expect(await marks.count(), `quiz ${i + 1} shows its key`).toBeGreaterThan(0);
  }
  expect(await page.locator(".fh-quiz__explanation").count()).toBe(quizCount);

  // Checking a wrong and then the right answer grades each, and records nothing.
  const quiz = quizzes.first();
  const wrong = quiz.locator("label.fh-choice:not(.fh-choice--correct)").first();
  await wrong.click();
  await quiz.getByRole("button", { name: "Check answer" }).click();
  await expect.poll(() => quiz.locator(".fh-quiz__verdict").textContent()).toBe("Not quite.");
  expect(await quiz.textContent()).toContain("checked and not recorded");
  await quiz.locator("label.fh-choice--correct").first().click();
  await quiz.getByRole("button", { name: "Check answer" }).click();
  await expect.poll(() => quiz.locator(".fh-quiz__verdict").textContent()).toBe("Correct.");

  expect(repRecords(), "no rep record changed").toEqual(before);
  expect(await statusOn(rep1, "/products/ledgerflow")).toBe("Certified");
  expect(await statusOn(rep2, "/products/ledgerflow")).toBe("Refresh due");

  // The bump waiting to go live names exactly the reps it would move.
  await failure.getByRole("link", { name: "Who it would affect" }).click();
  await page.waitForURL(/\/content\/impact\?product=ledgerflow$/);
  const moved = page.getByRole("table", { name: /Certifications this moves when it goes live/ });
  await moved.waitFor();
  const rows = await moved.locator("tbody tr").allTextContents();
  expect(rows.map((row) => row.match(/rep\d@demo\.firsthand\.test/)?.[0])).toEqual([
    demoEmail("rep1"),
    demoEmail("rep2"),
  ]);
  expect(rows[0]).toMatch(/CertifiedRefresh due/);
  // After revision 2 went live, rep1 re-took it and rep2 has not.
  expect(await page.getByText("1 of 2 re-taken").count()).toBe(1);

  await page.goto(`${server.baseUrl}/content/history/ledgerflow/ingestion-rules`);
  const versions = page.getByRole("list", { name: "Versions" }).locator(":scope > li");
  await versions.first().waitFor();
  expect(await versions.count()).toBe(2);
  expect(await versions.first().textContent()).toMatch(/Revision 2Served nowRevision bump 1 → 2/);
  expect(
    await page.getByRole("region", { name: "Changes from revision 1 to 2" }).textContent(),
  ).toContain("Added: revision: 2");
  await page.close();
  expect(repRecords(), "no rep record changed").toEqual(before);
});

test("reps cannot open a preview, and the preview's checks refuse a rep's post", async () => {
  const rep1 = await signInCookie(server.baseUrl, demoEmail("rep1"));
  const url = `${server.baseUrl}/content/preview/ledgerflow/kickoff`;
  expect((await fetch(url, { headers: { Cookie: rep1 } })).status).toBe(403);
  const before = repRecords();
  const post = await fetch(url, {
    method: "POST",
    headers: {
      Cookie: rep1,
      Origin: server.baseUrl,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ intent: "answer-quiz", quizId: "x", choice: "0" }),
  });
  expect(post.status).toBe(403);
  expect(repRecords()).toEqual(before);
});
