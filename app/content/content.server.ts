import type { Db } from "~/utils/db.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { BuiltProduct, CompileProgress } from "./build-product.server";
import { getBuiltCatalog, peekBuiltCatalog } from "./catalog.server";
import { uniqueDiagnostics } from "./diagnostic";
import { contentRootFor } from "./discover.server";
import { readModuleSource } from "./module-cache.server";
import type { Diagnostic, ModuleSummary, Product, QuizKey, TocHeading } from "./types";

export { getCompileStats } from "./compile-queue.server";
export { markContentChanged } from "./catalog.server";
export type { CompileProgress } from "./build-product.server";

type Source = {
  /** A content dir (with `products/`) or a single product/docs folder. Defaults to CONTENT_DIR. */
  contentDir?: string;
  /** Defaults to the app database. */
  db?: Db;
};

export type ModulePage = {
  product: Product;
  module: ModuleSummary;
  /** mdx-bundler code for <ModuleBody>, or null when the module never compiled. */
  code: string | null;
  headings: TocHeading[];
  prev: ModuleSummary | null;
  next: ModuleSummary | null;
  /** Server-only answer keys for the quizzes on the page. Never send these to the browser. */
  quizKeys: QuizKey[];
  diagnostics: Diagnostic[];
};

async function catalog({
  contentDir,
  db,
  onProgress,
}: Source & { onProgress?: (progress: CompileProgress) => void }) {
  return getBuiltCatalog({
    db: db ?? getDb(),
    root: contentRootFor(contentDir ?? getEnv().CONTENT_DIR),
    onProgress,
  });
}

// A built product never changes (a rebuild makes a new one), so each is turned into a Product once.
const products = new WeakMap<BuiltProduct, Product>();

function toProduct(built: BuiltProduct): Product {
  let product = products.get(built);
  if (!product) {
    product = productOf(built);
    products.set(built, product);
  }
  return product;
}

function productOf(built: BuiltProduct): Product {
  return {
    slug: built.slug,
    name: built.name,
    summary: built.summary,
    dir: built.dir,
    policy: built.policy,
    modules: built.modules,
    glossary: built.glossary,
    diagnostics: uniqueDiagnostics([
      ...built.diagnostics,
      ...built.built.flatMap((module) => module.diagnostics),
    ]),
  };
}

/** Every product with every module compiled (cache hits after the first run), each with its diagnostics. */
export async function loadCatalog(
  options: Source & { onProgress?: (progress: CompileProgress) => void } = {},
) {
  return (await catalog(options)).map(toProduct);
}

/**
 * The products as last loaded, synchronously and without looking at the disk; empty before the first
 * load. For code inside a write transaction, which must not wait on a compile.
 */
export function getLoadedCatalog({ contentDir, db }: Source = {}): Product[] {
  return peekBuiltCatalog({
    db: db ?? getDb(),
    root: contentRootFor(contentDir ?? getEnv().CONTENT_DIR),
  }).map(toProduct);
}

export async function getProduct({ productSlug, ...source }: Source & { productSlug: string }) {
  const built = (await catalog(source)).find((product) => product.slug === productSlug);
  return built ? toProduct(built) : null;
}

export async function getModule({
  productSlug,
  moduleSlug,
  ...source
}: Source & { productSlug: string; moduleSlug: string }): Promise<ModulePage | null> {
  const built = (await catalog(source)).find((product) => product.slug === productSlug);
  const index = built?.built.findIndex((module) => module.summary.slug === moduleSlug) ?? -1;
  if (!built || index === -1) return null;
  const module = built.built[index];
  return {
    product: toProduct(built),
    module: module.summary,
    code: module.served?.code ?? null,
    headings: module.served?.headings ?? [],
    prev: built.built[index - 1]?.summary ?? null,
    next: built.built[index + 1]?.summary ?? null,
    quizKeys: module.served?.quizKeys ?? [],
    diagnostics: module.diagnostics,
  };
}

/** A module source as it was first served, by the sha256 of its bytes (for revision diffs). */
export function getModuleSourceByHash(hash: string, { db }: { db?: Db } = {}) {
  return readModuleSource({ db: db ?? getDb(), hash });
}

/** getProduct for routes: a missing product is a 404. */
export async function requireProduct({ productSlug }: { productSlug: string | undefined }) {
  const product = productSlug ? await getProduct({ productSlug }) : null;
  if (!product) throw new Response("Not found", { status: 404 });
  return product;
}

/** getModule for routes: a missing product or module is a 404. */
export async function requireModule({
  productSlug,
  moduleSlug,
}: {
  productSlug: string | undefined;
  moduleSlug: string | undefined;
}) {
  const page = productSlug && moduleSlug ? await getModule({ productSlug, moduleSlug }) : null;
  if (!page) throw new Response("Not found", { status: 404 });
  return page;
}
