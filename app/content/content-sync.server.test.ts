import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { completeModule, getStanding } from "~/models/certification.server";
import { answerQuiz } from "~/models/quiz-attempt.server";
import { getDb } from "~/utils/db.server";
import { makeUser } from "../../tests/setup/factories";
import { getModule, getProduct } from "./content.server";
import { readSyncRecord, syncAllContent } from "./content-sync.server";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-sync-"));
const remote = path.join(tmp, "docs.git");
const work = path.join(tmp, "work");
const contentDir = path.join(tmp, "content");
const cacheDir = path.join(tmp, "cache");
const productDir = path.join(contentDir, "products/acme");

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "Docs",
  GIT_AUTHOR_EMAIL: "docs@example.test",
  GIT_COMMITTER_NAME: "Docs",
  GIT_COMMITTER_EMAIL: "docs@example.test",
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, env: gitEnv, encoding: "utf8" }).trim();

function moduleSource({
  title,
  revision,
  body,
}: {
  title: string;
  revision: number;
  body: string;
}) {
  const quiz = title.toLowerCase().replace(/\W+/g, "-");
  return `---\ntitle: ${title}\nrevision: ${revision}\n---\n\n## Steps\n\n${body}\n\n<Quiz id="${quiz}" question="Ready?">\n  <Choice>No</Choice>\n  <Choice correct>Yes</Choice>\n</Quiz>\n`;
}

function commit(files: Record<string, string>, message: string) {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    fs.writeFileSync(path.join(work, file), text);
  }
  git(work, "add", "-A");
  git(work, "commit", "--quiet", "-m", message);
  git(work, "push", "--quiet", "origin", "HEAD:main");
  return git(work, "rev-parse", "HEAD");
}

beforeAll(() => {
  git(tmp, "init", "--quiet", "--bare", remote);
  git(tmp, "init", "--quiet", work);
  git(work, "remote", "add", "origin", remote);
  fs.mkdirSync(productDir, { recursive: true });
  fs.writeFileSync(
    path.join(productDir, "product.yml"),
    `name: Acme\nsummary: From the docs repository.\nsource:\n  repo: ${remote}\n  ref: main\n  path: docs\n`,
  );
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sync = () => syncAllContent({ contentDir, cacheDir, db: getDb() });
const product = async () => (await getProduct({ contentDir, productSlug: "acme" }))!;

async function certify(userId: string) {
  const p = await product();
  for (const summary of p.modules) {
    const page = (await getModule({ contentDir, productSlug: "acme", moduleSlug: summary.slug }))!;
    for (const key of page.quizKeys) {
      answerQuiz({
        userId,
        productSlug: "acme",
        module: page.module,
        key,
        policy: p.policy,
        selected: key.correct,
      });
    }
    expect(completeModule({ userId, product: p, module: page.module }).ok).toBe(true);
  }
}

test("a sync from a bare repository recompiles only what changed, and only a revision bump asks for a refresh", async () => {
  const first = commit(
    {
      "docs/01-connect.mdx": moduleSource({ title: "Connect", revision: 1, body: "Connect it." }),
      "docs/02-rules.mdx": moduleSource({ title: "Rules", revision: 1, body: "Write rules." }),
      "README.md": "Not part of the docs folder.\n",
    },
    "First docs",
  );
  const initial = await sync();
  expect(initial.synced).toEqual([
    { slug: "acme", outcome: expect.objectContaining({ ok: true, commit: first, changed: true }) },
  ]);
  expect(initial.compiled).toBe(2);
  expect(fs.existsSync(path.join(productDir, "README.md"))).toBe(false);
  expect(readSyncRecord({ productDir })).toMatchObject({ commit: first, ref: "main" });
  expect((await product()).name).toBe("Acme");

  const rep = await makeUser();
  await certify(rep.id);
  const status = async () => getStanding({ userId: rep.id, product: await product() }).report;
  expect((await status()).status).toBe("certified");

  // A wording fix without a revision bump: one module recompiles, the rep stays certified.
  commit(
    {
      "docs/01-connect.mdx": moduleSource({
        title: "Connect",
        revision: 1,
        body: "Connect it now.",
      }),
    },
    "Wording",
  );
  const wording = await sync();
  expect(wording.compiled).toBe(1);
  expect((await status()).status).toBe("certified");

  // Nothing new upstream: nothing recompiles.
  const again = await sync();
  expect(again.synced[0].outcome).toMatchObject({ ok: true, changed: false });
  expect(again.compiled).toBe(0);

  // The customer's experience changed: revision 2 moves the rep to refresh due on that module only.
  const bumped = commit(
    {
      "docs/02-rules.mdx": moduleSource({ title: "Rules", revision: 2, body: "Rules run daily." }),
    },
    "Rules changed",
  );
  const bump = await sync();
  expect(bump.compiled).toBe(1);
  const due = await status();
  expect(due.status).toBe("refresh_due");
  expect(due.modulesToRefresh.map((m) => m.slug)).toEqual(["rules"]);
  expect(readSyncRecord({ productDir })?.commit).toBe(bumped);
});

test("a synced edit that fails to compile keeps the last good version served and reports file:line", async () => {
  const before = (await getModule({ contentDir, productSlug: "acme", moduleSlug: "connect" }))!;
  commit(
    { "docs/01-connect.mdx": "---\ntitle: Connect\n---\n\n## Steps\n\n<Steps>\n  unclosed\n" },
    "Broken",
  );
  const broken = await sync();
  const diagnostics = broken.products[0].diagnostics.filter((d) => d.severity === "error");
  expect(diagnostics[0]).toMatchObject({ file: path.join(productDir, "01-connect.mdx") });
  expect(diagnostics[0].line).toBeGreaterThan(0);
  const served = (await getModule({ contentDir, productSlug: "acme", moduleSlug: "connect" }))!;
  expect(served.module.status).toBe("stale");
  expect(served.code).toBe(before.code);
});

test("a source ref that does not exist is reported and the product folder is left as it was", async () => {
  const files = fs.readdirSync(productDir).sort();
  const yml = fs.readFileSync(path.join(productDir, "product.yml"), "utf8");
  fs.writeFileSync(
    path.join(productDir, "product.yml"),
    yml.replace("ref: main", "ref: no-such-branch"),
  );
  const failed = await sync();
  expect(failed.synced[0].outcome).toMatchObject({
    ok: false,
    message: expect.stringMatching(/git: .*no-such-branch/),
  });
  expect(fs.readdirSync(productDir).sort()).toEqual(files);
  fs.writeFileSync(path.join(productDir, "product.yml"), yml);
});
