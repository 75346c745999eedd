import path from "node:path";
import { and, eq } from "drizzle-orm";
import { compiledModules, moduleBuilds, moduleSources } from "#db/schema";
import type { Db } from "~/utils/db.server";
import { COMPILER_VERSION, type CompiledModule } from "./compile-mdx.server";
import type { Diagnostic, QuizKey, TocHeading } from "./types";

/** What is stored beside the code. Diagnostic paths are relative to the product folder so the cache survives a move. */
type CompileMeta = {
  ok: boolean;
  /** The compiler that made it; absent on compiles from before it was recorded. */
  compilerVersion?: string;
  sourceHash: string;
  headings: TocHeading[];
  quizKeys: QuizKey[];
  diagnostics: Diagnostic[];
};

export type CachedCompile = CompileMeta & { cacheKey: string; code: string | null };

export function readCompiled({
  db,
  cacheKey,
  productDir,
}: {
  db: Db;
  cacheKey: string;
  productDir: string;
}): CachedCompile | null {
  const row = db.select().from(compiledModules).where(eq(compiledModules.cacheKey, cacheKey)).get();
  if (!row) return null;
  const meta: CompileMeta = JSON.parse(row.meta);
  return {
    ...meta,
    cacheKey,
    code: meta.ok ? row.code : null,
    diagnostics: meta.diagnostics.map((d) => ({ ...d, file: path.resolve(productDir, d.file) })),
  };
}

/** Failed compiles are stored too (without code), so a restart does not retry a file that has not changed. */
export function writeCompiled({
  db,
  cacheKey,
  compiled,
  productDir,
  sourceHash,
}: {
  db: Db;
  cacheKey: string;
  compiled: CompiledModule;
  productDir: string;
  sourceHash: string;
}) {
  const meta: CompileMeta = {
    ok: compiled.ok,
    compilerVersion: COMPILER_VERSION,
    sourceHash,
    headings: compiled.headings,
    quizKeys: compiled.quizKeys,
    diagnostics: compiled.diagnostics.map((d) => ({
      ...d,
      file: path.relative(productDir, d.file) || ".",
    })),
  };
  db.insert(compiledModules)
    .values({
      cacheKey,
      code: compiled.code ?? "",
      meta: JSON.stringify(meta),
      createdAt: new Date(),
    })
    .onConflictDoNothing()
    .run();
}

export function recordModuleSource(source: typeof moduleSources.$inferInsert & { db: Db }) {
  const { db, ...values } = source;
  db.insert(moduleSources).values(values).onConflictDoNothing().run();
}

export function readModuleSource({ db, hash }: { db: Db; hash: string }) {
  return db.select().from(moduleSources).where(eq(moduleSources.hash, hash)).get() ?? null;
}

export function readModuleBuild({
  db,
  productSlug,
  moduleSlug,
}: {
  db: Db;
  productSlug: string;
  moduleSlug: string;
}) {
  return (
    db
      .select()
      .from(moduleBuilds)
      .where(
        and(eq(moduleBuilds.productSlug, productSlug), eq(moduleBuilds.moduleSlug, moduleSlug)),
      )
      .get() ?? null
  );
}

/** A success moves the module's last good version forward; a failure keeps it and records the error. */
export function recordModuleBuild({
  db,
  productSlug,
  moduleSlug,
  cacheKey,
  error,
}: {
  db: Db;
  productSlug: string;
  moduleSlug: string;
  cacheKey: string;
  error: string | null;
}) {
  const current = readModuleBuild({ db, productSlug, moduleSlug });
  const lastGoodCacheKey = error ? (current?.lastGoodCacheKey ?? null) : cacheKey;
  if (current && current.lastGoodCacheKey === lastGoodCacheKey && current.lastError === error)
    return current;
  const values = {
    productSlug,
    moduleSlug,
    lastGoodCacheKey,
    lastError: error,
    updatedAt: new Date(),
  };
  db.insert(moduleBuilds)
    .values(values)
    .onConflictDoUpdate({
      target: [moduleBuilds.productSlug, moduleBuilds.moduleSlug],
      set: values,
    })
    .run();
  return values;
}
