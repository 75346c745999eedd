import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentRelativePath } from "~/content/content-relative-path.server";
import { requireModule } from "~/content/content.server";
import { glossaryTips } from "~/vocabulary/glossary-tip";

const neighbour = (m: { slug: string; title: string } | null) =>
  m ? { slug: m.slug, title: m.title } : null;

/**
 * One module of `/products/:product/*` or its author preview: the compiled page, and what both
 * pages send the browser of it (never the answer key).
 */
export async function requireModulePage({ params }: { params: LoaderFunctionArgs["params"] }) {
  const page = await requireModule({ productSlug: params.product, moduleSlug: params["*"] });
  const { product, module, code, headings, prev, next } = page;
  return {
    page,
    shown: {
      product: { slug: product.slug, name: product.name },
      module: {
        slug: module.slug,
        sourceFile: contentRelativePath(path.join(product.dir, module.path)),
        title: module.title,
        summary: module.summary,
        week: module.week,
        duration: module.duration,
        revision: module.revision,
        friction: module.friction,
        status: module.status,
      },
      code,
      headings,
      prev: neighbour(prev),
      next: neighbour(next),
      glossary: glossaryTips(product),
    },
  };
}
