import type { Product } from "~/content/types";

/** One friction point of a product, keyed so a form field can name it. */
export type FrictionPoint = { key: string; moduleSlug: string; moduleTitle: string; text: string };

export function frictionPointsOf(product: Product): FrictionPoint[] {
  return product.modules.flatMap((m) =>
    m.friction.map((text, i) => ({
      key: `${m.slug}#${i}`,
      moduleSlug: m.slug,
      moduleTitle: m.title,
      text,
    })),
  );
}

/** What the handoff keeps of each module, so later edits to the track do not rewrite it. */
export type ModuleSnapshot = { slug: string; title: string; revision: number; week: number | null };

export function moduleSnapshotsOf(product: Product): ModuleSnapshot[] {
  return product.modules.map((m) => ({
    slug: m.slug,
    title: m.title,
    revision: m.revision,
    week: m.week,
  }));
}
