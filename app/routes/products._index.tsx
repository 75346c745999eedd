import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CatalogueCard, ProductCard } from "~/components/product-card";
import { loadCatalog } from "~/content/content.server";
import { getProductOverviews } from "~/models/dashboard.server";
import { takesTrack } from "~/models/enrolment.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Products · Firsthand" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const products = await loadCatalog();
  const overviews = getProductOverviews({ userId: user.id, products });
  return {
    products: overviews.map((o) =>
      takesTrack({ user, productSlug: o.slug })
        ? { kind: "track" as const, overview: o }
        : {
            kind: "catalogue" as const,
            product: {
              slug: o.slug,
              name: o.name,
              summary: o.summary,
              moduleCount: o.moduleCount,
              totalMinutes: o.totalMinutes,
              weeks: o.weeks,
            },
          },
    ),
  };
}

export default function Products() {
  const { products } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>Products</h1>
        <p className="muted">
          Each track is the customer&apos;s own onboarding, module by module, in the order they meet
          it.
        </p>
      </header>
      {products.length === 0 ? (
        <p className="panel">
          No products yet. Enablement adds them as folders of MDX under content/products.
        </p>
      ) : (
        <ul className="card-grid product-grid" aria-label="Products">
          {products.map((p) =>
            p.kind === "track" ? (
              <ProductCard
                key={p.overview.slug}
                overview={p.overview}
                headingLevel="h2"
                showSummary
              />
            ) : (
              <CatalogueCard key={p.product.slug} product={p.product} />
            ),
          )}
        </ul>
      )}
    </div>
  );
}
