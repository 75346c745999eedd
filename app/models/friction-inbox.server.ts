import path from "node:path";
import type { FrictionFlagState, User } from "#db/schema";
import type { Product } from "~/content/types";
import { getEnv } from "~/utils/env.server";
import { countsByProduct, frictionYamlLines, wholeModuleHeadingId } from "./friction-flag";
import { countFrictionFlags, getFrictionFlag, listFrictionInbox } from "./friction.server";
import { resolveViewerScope } from "./rep-scope.server";

/** Where the module file sits inside the content folder, as an author opens it. */
function contentPath(product: Product, modulePath: string) {
  const file = path.join(product.dir, modulePath);
  const fromRoot = path.relative(path.resolve(getEnv().CONTENT_DIR), file);
  return fromRoot.startsWith("..") || path.isAbsolute(fromRoot)
    ? modulePath
    : fromRoot.split(path.sep).join("/");
}

const moduleKey = (productSlug: string, moduleSlug: string) => `${productSlug}/${moduleSlug}`;

function findModule(products: Product[], productSlug: string, moduleSlug: string) {
  const product = products.find((p) => p.slug === productSlug);
  const module = product?.modules.find((m) => m.slug === moduleSlug);
  return product && module ? { product, module } : null;
}

/** The authors' inbox: one tab of flags (optionally one module's), with counts for every module. */
export function getFrictionInbox({
  viewer,
  products,
  state,
  filter,
}: {
  viewer: User;
  products: Product[];
  state: FrictionFlagState;
  /** `<product>/<module>`; a module that no longer exists filters to nothing. */
  filter: string | null;
}) {
  const counts = countFrictionFlags();
  const modules = counts
    .map((c) => {
      const found = findModule(products, c.productSlug, c.moduleSlug);
      return {
        key: moduleKey(c.productSlug, c.moduleSlug),
        productName: found?.product.name ?? c.productSlug,
        title: found?.module.title ?? c.moduleSlug,
        open: c.open,
        resolved: c.resolved,
      };
    })
    .sort((a, b) => b.open - a.open || a.key.localeCompare(b.key));
  const inScope = filter
    ? counts.filter((c) => moduleKey(c.productSlug, c.moduleSlug) === filter)
    : counts;
  const rows = listFrictionInbox({ state }).filter(
    ({ flag }) => !filter || moduleKey(flag.productSlug, flag.moduleSlug) === filter,
  );
  return {
    state,
    filter: filter && modules.some((m) => m.key === filter) ? filter : null,
    totals: {
      open: inScope.reduce((n, c) => n + c.open, 0),
      resolved: inScope.reduce((n, c) => n + c.resolved, 0),
    },
    modules,
    flags: rows.map(({ flag, readerName }) => {
      const found = findModule(products, flag.productSlug, flag.moduleSlug);
      return {
        id: flag.id,
        productName: found?.product.name ?? flag.productSlug,
        moduleTitle: found?.module.title ?? flag.moduleSlug,
        moduleHref: found
          ? `/products/${flag.productSlug}/${flag.moduleSlug}#${flag.headingId}`
          : null,
        headingText: flag.headingText,
        wholeModule: flag.headingId === wholeModuleHeadingId,
        // Authors answer the content, not the person: only an admin sees who flagged it.
        readerName: viewer.role === "admin" ? readerName : null,
        note: flag.note,
        revisionSeen: flag.moduleRevision,
        revisionNow: found?.module.revision ?? null,
        reply: flag.reply,
        createdAt: flag.createdAt.toISOString(),
        resolvedAt: flag.resolvedAt?.toISOString() ?? null,
      };
    }),
  };
}

/** The module's friction entry an author would add for this flag, and the file to add it in. */
export function frictionEntryFor({ products, flagId }: { products: Product[]; flagId: string }) {
  const flag = getFrictionFlag({ id: flagId });
  const found = flag && findModule(products, flag.productSlug, flag.moduleSlug);
  if (!flag || !found) return null;
  const note = flag.note.replace(/\s+/g, " ").trim();
  return {
    flagId,
    file: contentPath(found.product, found.module.path),
    yaml: frictionYamlLines({ note, hasList: found.module.friction.length > 0 }),
    alreadyListed: found.module.friction.some((f) => f.trim().toLowerCase() === note.toLowerCase()),
  };
}

/** Open and resolved flags per product, from the reps a manager (their team) or admin (all) sees. */
export function getFrictionCountsFor({ viewer, products }: { viewer: User; products: Product[] }) {
  const { scope } = resolveViewerScope({ viewer });
  if (!scope) return null;
  const totals = new Map(
    countsByProduct(countFrictionFlags({ scope })).map((t) => [t.productSlug, t]),
  );
  return products.map((p) => ({
    productSlug: p.slug,
    productName: p.name,
    open: totals.get(p.slug)?.open ?? 0,
    resolved: totals.get(p.slug)?.resolved ?? 0,
  }));
}
