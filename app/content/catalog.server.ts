import path from "node:path";
import type { Db } from "~/utils/db.server";
import {
  buildProduct,
  planProduct,
  type BuiltProduct,
  type CompileProgress,
} from "./build-product.server";
import { listProductDirs, listProductFiles, type ContentRoot } from "./discover.server";
import { glossaryUsageOfProduct, listedPhrases } from "./glossary-usage.server";

type CatalogState = {
  stamp: string | null;
  checkedAt: number;
  products: BuiltProduct[];
  building: Promise<BuiltProduct[]> | null;
};

// Content changes are picked up on access, at most once a second: a re-scan is only paths, sizes and mtimes.
const rescanInterval = 1000;

const globalForCatalog = globalThis as unknown as {
  firsthandCatalogs?: WeakMap<Db, Map<string, CatalogState>>;
  firsthandContentChangedAt?: number;
};

/** Makes the next access re-scan at once; the dev server calls it when a content file changes. */
export function markContentChanged() {
  globalForCatalog.firsthandContentChangedAt = Date.now();
}

function stateFor({ db, root }: { db: Db; root: ContentRoot }) {
  globalForCatalog.firsthandCatalogs ??= new WeakMap();
  let byRoot = globalForCatalog.firsthandCatalogs.get(db);
  if (!byRoot) {
    byRoot = new Map();
    globalForCatalog.firsthandCatalogs.set(db, byRoot);
  }
  const key = `${root.kind}:${root.dir}`;
  let state = byRoot.get(key);
  if (!state) {
    state = { stamp: null, checkedAt: 0, products: [], building: null };
    byRoot.set(key, state);
  }
  return state;
}

function contentStamp(root: ContentRoot) {
  return JSON.stringify(
    listProductDirs(root).map((product) => [
      product.slug,
      product.dir,
      listProductFiles(product.dir).map((f) => [f.relativePath, f.mtimeMs, f.size]),
    ]),
  );
}

/** The catalog as last built, without a re-scan: for code that cannot wait, such as a write transaction. */
export function peekBuiltCatalog({ db, root }: { db: Db; root: ContentRoot }): BuiltProduct[] {
  return stateFor({ db, root }).products;
}

/** The built catalog for a content root, rebuilt (compiling only what changed) when files changed on disk. */
export async function getBuiltCatalog({
  db,
  root,
  onProgress,
}: {
  db: Db;
  root: ContentRoot;
  onProgress?: (progress: CompileProgress) => void;
}) {
  const state = stateFor({ db, root });
  if (state.building) return state.building;
  const fresh =
    Date.now() - state.checkedAt < rescanInterval &&
    state.checkedAt > (globalForCatalog.firsthandContentChangedAt ?? 0);
  if (state.stamp !== null && fresh) return state.products;
  const stamp = contentStamp(root);
  state.checkedAt = Date.now();
  if (stamp === state.stamp) return state.products;

  state.building = rebuild({ db, root, onProgress })
    .then((products) => {
      state.products = products;
      state.stamp = stamp;
      return products;
    })
    .finally(() => {
      state.building = null;
      state.checkedAt = Date.now();
    });
  return state.building;
}

async function rebuild({
  db,
  root,
  onProgress,
}: {
  db: Db;
  root: ContentRoot;
  onProgress?: (progress: CompileProgress) => void;
}) {
  const products = listProductDirs(root).map((product) => ({
    ...product,
    plan: planProduct({ db, slug: product.slug, dir: product.dir }),
  }));
  const total = products.reduce((sum, product) => sum + product.plan.paths.length, 0);
  let index = 0;
  const built: BuiltProduct[] = [];
  for (const product of products) {
    built.push(
      await buildProduct({
        db,
        ...product,
        onModule: ({ file, cached }) =>
          onProgress?.({ index: ++index, total, file: path.resolve(file), cached }),
      }),
    );
  }
  // Marketing phrases are checked against every product's glossary: a phrase is one wherever it is said.
  const phrases = listedPhrases(built);
  return built.map((product) => ({
    ...product,
    diagnostics: [...product.diagnostics, ...glossaryUsageOfProduct({ product, phrases })],
  }));
}
