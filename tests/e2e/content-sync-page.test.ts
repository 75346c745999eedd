import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { browserForThisFile, signedInContext } from "./browser";
import { serverForThisFile } from "./server-for-this-file";

// An admin syncs a product from its docs repository in the app and finds the commit beside each
// module's fingerprint. Its own server and content: the sync writes into the content folder.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-sync-page-"));
const remote = path.join(tmp, "docs.git");
const work = path.join(tmp, "work");
const contentDir = path.join(tmp, "content");
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Docs",
      GIT_AUTHOR_EMAIL: "docs@example.test",
      GIT_COMMITTER_NAME: "Docs",
      GIT_COMMITTER_EMAIL: "docs@example.test",
    },
  }).trim();

function publish(body: string) {
  fs.mkdirSync(path.join(work, "guides"), { recursive: true });
  fs.writeFileSync(
    path.join(work, "guides/01-connect.mdx"),
    `---\ntitle: Connect the warehouse\nrevision: 1\n---\n\n## Steps\n\n${body}\n`,
  );
  git(work, "add", "-A");
  git(work, "commit", "--quiet", "-m", body);
  git(work, "push", "--quiet", "origin", "HEAD:main");
  return git(work, "rev-parse", "HEAD");
}

fs.cpSync(path.resolve("content"), contentDir, { recursive: true });
git(tmp, "init", "--quiet", "--bare", remote);
git(tmp, "init", "--quiet", work);
git(work, "remote", "add", "origin", remote);
fs.mkdirSync(path.join(contentDir, "products/stockroom"), { recursive: true });
fs.writeFileSync(
  path.join(contentDir, "products/stockroom/product.yml"),
  `name: Stockroom\nsummary: Kept in the customer's docs repository.\nsource:\n  repo: ${remote}\n  ref: main\n  path: guides\n`,
);

const server = serverForThisFile({ CONTENT_DIR: contentDir });
const browser = browserForThisFile();
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("an admin reaches the sync from the content page, syncs, and sees the commit beside the module", async () => {
  const first = publish("Open Settings → Warehouse and paste the key.");
  const context = await signedInContext(browser(), server.baseUrl, "admin");
  const page = await context.newPage();

  await page.goto(`${server.baseUrl}/content`);
  await page.getByRole("link", { name: "Sync content" }).click();
  await page.waitForURL(`${server.baseUrl}/content/sync`);
  const row = page.getByRole("row", { name: /Stockroom/ });
  await expect.poll(() => row.innerText()).toContain(`${remote} main:guides`);
  expect(await row.innerText()).toContain("never");

  await page.getByRole("button", { name: "Sync now" }).click();
  await page.getByRole("status").getByText("Sync done.").waitFor();
  await expect.poll(() => row.innerText()).toContain(first.slice(0, 12));

  await page.locator("#main").getByRole("link", { name: "Content status" }).click();
  await page.waitForURL(`${server.baseUrl}/content`);
  const module = page.getByRole("row", { name: /Connect the warehouse/ });
  expect(await module.innerText()).toContain(`commit ${first.slice(0, 12)}`);

  // A new commit upstream: the next sync moves the commit shown, and the module reads as pushed.
  const second = publish("Open Settings → Warehouse, paste the key and press Test.");
  await page.goto(`${server.baseUrl}/content/sync`);
  await page.getByRole("button", { name: "Sync now" }).click();
  await page.getByRole("status").getByText("Sync done.").waitFor();
  await page.goto(`${server.baseUrl}/content`);
  expect(await module.innerText()).toContain(`commit ${second.slice(0, 12)}`);
  await module.getByRole("link", { name: "Connect the warehouse", exact: true }).click();
  await page.getByText("paste the key and press Test.").waitFor();
  await context.close();
});
