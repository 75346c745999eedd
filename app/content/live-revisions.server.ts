import path from "node:path";
import { and, asc, eq, isNotNull, min } from "drizzle-orm";
import { compiledModules, moduleBuilds, moduleSources, productConfigs } from "#db/schema";
import type { Db } from "~/utils/db.server";
import { readModuleFrontmatter } from "./module-frontmatter";
import { moduleTitle } from "./module-title";
import { defaultPolicy } from "./product-config.server";
import type { CertificationPolicy } from "./types";

export type LiveModule = {
  slug: string;
  path: string;
  title: string;
  revision: number;
  sourceHash: string;
  /** When a source at this revision was first served. */
  revisionSeenAt: Date | null;
};

export type LiveProduct = {
  slug: string;
  name: string;
  policy: CertificationPolicy;
  modules: LiveModule[];
};

/**
 * What the database serves, read from the database alone: each module's last good compile and the
 * revision of its source. For comparing a folder with what is live without touching the content.
 */
export function readLiveProduct({
  db,
  productSlug,
}: {
  db: Db;
  productSlug: string;
}): LiveProduct | null {
  const served = db
    .select({ slug: moduleBuilds.moduleSlug, meta: compiledModules.meta })
    .from(moduleBuilds)
    .innerJoin(compiledModules, eq(compiledModules.cacheKey, moduleBuilds.lastGoodCacheKey))
    .where(and(eq(moduleBuilds.productSlug, productSlug), isNotNull(moduleBuilds.lastGoodCacheKey)))
    .all();
  const config = db
    .select()
    .from(productConfigs)
    .where(eq(productConfigs.productSlug, productSlug))
    .get();
  if (served.length === 0 && !config) return null;
  const seen = revisionsFirstSeen({ db, productSlug });
  const modules: LiveModule[] = [];
  for (const row of served) {
    const { sourceHash } = JSON.parse(row.meta) as { sourceHash: string };
    const source = db.select().from(moduleSources).where(eq(moduleSources.hash, sourceHash)).get();
    if (!source) continue;
    const meta = readModuleFrontmatter({ source: source.source, file: source.path }).data;
    modules.push({
      slug: row.slug,
      path: source.path,
      title: moduleTitle({
        frontmatterTitle: meta.title,
        source: source.source,
        fileName: path.basename(source.path),
      }),
      revision: source.revision,
      sourceHash,
      revisionSeenAt: seen.get(`${row.slug}@${source.revision}`) ?? null,
    });
  }
  const stored = config
    ? (JSON.parse(config.config) as { name: string; policy: CertificationPolicy })
    : null;
  return {
    slug: productSlug,
    name: stored?.name ?? productSlug,
    policy: stored?.policy ?? defaultPolicy,
    modules: modules.sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/** When each (module, revision) of a product was first served. */
export function revisionsFirstSeen({ db, productSlug }: { db: Db; productSlug: string }) {
  const rows = db
    .select({
      moduleSlug: moduleSources.moduleSlug,
      revision: moduleSources.revision,
      seenAt: min(moduleSources.firstSeenAt),
    })
    .from(moduleSources)
    .where(eq(moduleSources.productSlug, productSlug))
    .groupBy(moduleSources.moduleSlug, moduleSources.revision)
    .all();
  return new Map(rows.map((r) => [`${r.moduleSlug}@${r.revision}`, r.seenAt]));
}

/** Every source of a module reps were served, oldest first. */
export function listServedSources({
  db,
  productSlug,
  moduleSlug,
}: {
  db: Db;
  productSlug: string;
  moduleSlug: string;
}) {
  return db
    .select()
    .from(moduleSources)
    .where(
      and(eq(moduleSources.productSlug, productSlug), eq(moduleSources.moduleSlug, moduleSlug)),
    )
    .orderBy(asc(moduleSources.firstSeenAt), asc(moduleSources.revision))
    .all();
}
