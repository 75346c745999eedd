import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { Db } from "~/utils/db.server";
import { getCompileStats, loadCatalog, markContentChanged } from "./content.server";
import { parseContentSource, type ContentSource } from "./content-source";
import { contentRootFor, listProductDirs } from "./discover.server";

const run = promisify(execFile);

/** What was synced last into a product folder; written beside product.yml. */
export const syncRecordFile = ".firsthand-sync.json";
export type SyncRecord = {
  repo: string;
  ref: string;
  path: string;
  commit: string;
  syncedAt: string;
};

// No shell: every argument goes to git as it is, so a repo or ref cannot run anything.
async function git(args: string[], cwd?: string) {
  const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

function resolveRepo(repo: string, productDir: string) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[^/\\]+@[^:]+:/.test(repo)
    ? repo
    : path.resolve(productDir, repo);
}

/** Copies `from` over `to`, removing what `from` no longer has; product.yml and the sync record stay. */
function mirror({ from, to }: { from: string; to: string }) {
  const keep = new Set(["product.yml", syncRecordFile]);
  for (const entry of fs.readdirSync(to)) {
    if (!keep.has(entry)) fs.rmSync(path.join(to, entry), { recursive: true, force: true });
  }
  for (const entry of fs.readdirSync(from)) {
    if (entry === ".git" || keep.has(entry)) continue;
    fs.cpSync(path.join(from, entry), path.join(to, entry), { recursive: true });
  }
}

export function readSyncRecord({ productDir }: { productDir: string }): SyncRecord | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(productDir, syncRecordFile), "utf8")) as SyncRecord;
  } catch {
    return null;
  }
}

export type SyncOutcome =
  | { ok: true; skipped: true }
  | { ok: true; skipped: false; commit: string; changed: boolean; source: ContentSource }
  | { ok: false; message: string };

/**
 * Fetches the product's `source` ref into a cache (one checkout per product) and mirrors its
 * folder into the product folder. Compiling is left to the normal content build.
 */
export async function syncProductSource({
  productDir,
  cacheDir,
  now = new Date(),
}: {
  productDir: string;
  cacheDir: string;
  now?: Date;
}): Promise<SyncOutcome> {
  const configFile = path.join(productDir, "product.yml");
  if (!fs.existsSync(configFile)) return { ok: true, skipped: true };
  const parsed = parseContentSource(fs.readFileSync(configFile, "utf8"));
  if (!parsed.ok) return { ok: false, message: `${configFile}: ${parsed.message}` };
  if (!parsed.source) return { ok: true, skipped: true };
  const source = parsed.source;
  const checkout = path.join(cacheDir, path.basename(productDir));
  try {
    if (!fs.existsSync(path.join(checkout, ".git"))) {
      fs.mkdirSync(checkout, { recursive: true });
      await git(["init", "--quiet", checkout]);
    }
    await git(
      ["fetch", "--quiet", "--depth", "1", "--", resolveRepo(source.repo, productDir), source.ref],
      checkout,
    );
    await git(["checkout", "--quiet", "--force", "--detach", "FETCH_HEAD"], checkout);
    await git(["clean", "--quiet", "-fdx"], checkout);
    const commit = await git(["rev-parse", "HEAD"], checkout);
    const folder = path.join(checkout, source.path);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
      return { ok: false, message: `${source.repo}@${source.ref} has no folder ${source.path}` };
    }
    const previous = readSyncRecord({ productDir });
    mirror({ from: folder, to: productDir });
    const record: SyncRecord = { ...source, commit, syncedAt: now.toISOString() };
    fs.writeFileSync(path.join(productDir, syncRecordFile), `${JSON.stringify(record, null, 2)}\n`);
    return { ok: true, skipped: false, commit, changed: previous?.commit !== commit, source };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return { ok: false, message: `git: ${stderr || String(error)}` };
  }
}

/** Syncs every product that names a `source`, then builds the content as the server would. */
export async function syncAllContent({
  contentDir,
  cacheDir,
  db,
}: {
  contentDir: string;
  cacheDir: string;
  db: Db;
}) {
  const root = contentRootFor(contentDir);
  const synced: { slug: string; outcome: SyncOutcome }[] = [];
  for (const { slug, dir } of listProductDirs(root)) {
    synced.push({ slug, outcome: await syncProductSource({ productDir: dir, cacheDir }) });
  }
  markContentChanged();
  const before = getCompileStats().compiled;
  const products = await loadCatalog({ contentDir, db });
  return { synced, products, compiled: getCompileStats().compiled - before };
}
