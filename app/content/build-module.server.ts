import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "~/utils/db.server";
import { COMPILER_VERSION, compileMdx } from "./compile-mdx.server";
import { countCompile, enqueueCompile } from "./compile-queue.server";
import { uniqueDiagnostics } from "./diagnostic";
import { moduleSlugFromPath } from "./module-path";
import {
  readCompiled,
  readModuleSource,
  recordModuleBuild,
  recordModuleSource,
  writeCompiled,
  type CachedCompile,
} from "./module-cache.server";
import { moduleDependencies } from "./module-dependencies.server";
import { readModuleFrontmatter } from "./module-frontmatter";
import { moduleTitle } from "./module-title";
import type { Diagnostic, ModuleSummary } from "./types";

export type BuiltModule = {
  summary: ModuleSummary;
  /** The compile whose code pages show: the current one, or the last good one when the current fails. */
  served: CachedCompile | null;
  diagnostics: Diagnostic[];
};

export function sha256(data: string | Buffer) {
  return crypto.createHash("sha256").update(data).digest("hex");
}

/** Brings one module up to date: cache lookup by content, compile through the queue on a miss, build state recorded. */
export async function buildModule({
  db,
  productSlug,
  productDir,
  relativePath,
  onCompile,
}: {
  db: Db;
  productSlug: string;
  productDir: string;
  relativePath: string;
  onCompile?: (event: { cached: boolean }) => void;
}): Promise<BuiltModule> {
  const filePath = path.join(productDir, relativePath);
  const bytes = fs.readFileSync(filePath);
  const sourceHash = sha256(bytes);
  const source = bytes.toString("utf8");
  const slug = moduleSlugFromPath(relativePath);
  const frontmatter = readModuleFrontmatter({ source, file: filePath });

  const dependencies = moduleDependencies({ source, filePath, productDir });
  const cacheKey = sha256(
    [COMPILER_VERSION, productSlug, relativePath, source, ...dependencies].join("\0"),
  );
  let current = readCompiled({ db, cacheKey, productDir });
  onCompile?.({ cached: current !== null });
  if (current) {
    countCompile("cacheHits");
  } else {
    const compiled = await enqueueCompile(() =>
      compileMdx({ source, filePath, productDir, productSlug }),
    );
    countCompile("compiled");
    writeCompiled({ db, cacheKey, compiled, productDir, sourceHash });
    current = readCompiled({ db, cacheKey, productDir });
  }
  if (!current) throw new Error(`Compiled module ${relativePath} was not stored`);

  // Frontmatter that hides the revision counts like a failed compile: a typo there must not reach reps.
  const revisionUnreadable = frontmatter.fatal || frontmatter.invalidKeys.includes("revision");
  const ok = current.ok && !revisionUnreadable;
  const error = ok ? null : firstError([...frontmatter.diagnostics, ...current.diagnostics]);
  const build = recordModuleBuild({ db, productSlug, moduleSlug: slug, cacheKey, error });
  const lastGood = build.lastGoodCacheKey
    ? readCompiled({ db, cacheKey: build.lastGoodCacheKey, productDir })
    : null;
  // A last good compile from an older compiler passed older checks (the server-access guard
  // among them), so it is not served in place of a failing one.
  const served = ok ? current : lastGood?.compilerVersion === COMPILER_VERSION ? lastGood : null;
  const shown = (!ok && servedVersion({ db, served, file: filePath })) || {
    source,
    meta: frontmatter.data,
  };
  const { meta } = shown;
  const revision = meta.revision ?? 1;
  // Only what reps are served becomes a revision: it dates "refresh due" and feeds "what changed".
  if (ok) {
    recordModuleSource({
      db,
      hash: sourceHash,
      productSlug,
      moduleSlug: slug,
      path: relativePath,
      revision,
      source,
      firstSeenAt: new Date(),
    });
  }

  const summary: ModuleSummary = {
    slug,
    path: relativePath,
    title: moduleTitle({
      frontmatterTitle: meta.title,
      source: shown.source,
      fileName: path.basename(relativePath),
    }),
    summary: meta.summary ?? meta.description ?? null,
    week: meta.week ?? null,
    duration: meta.duration ?? null,
    revision,
    friction: meta.friction ?? [],
    sourceHash,
    shownSourceHash: served?.sourceHash ?? null,
    status: ok ? "ready" : served ? "stale" : "unavailable",
    ...(error ? { error } : {}),
    quizIds: served?.quizKeys.map((key) => key.id).filter(Boolean) ?? [],
  };
  return {
    summary,
    served,
    diagnostics: uniqueDiagnostics([...frontmatter.diagnostics, ...current.diagnostics]),
  };
}

/** The source and journey facts of the version still served while the latest edit is broken. */
function servedVersion({
  db,
  served,
  file,
}: {
  db: Db;
  served: CachedCompile | null;
  file: string;
}) {
  const kept = served ? readModuleSource({ db, hash: served.sourceHash }) : null;
  return kept
    ? { source: kept.source, meta: readModuleFrontmatter({ source: kept.source, file }).data }
    : null;
}

function firstError(diagnostics: Diagnostic[]) {
  const error = diagnostics.find((d) => d.severity === "error");
  if (!error) return "Does not compile";
  return error.line ? `${error.message} (line ${error.line})` : error.message;
}
