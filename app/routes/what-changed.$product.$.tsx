import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SourceDiff } from "~/components/source-diff";
import { requireModule } from "~/content/content.server";
import { getActiveCertification } from "~/models/certification.server";
import { getModuleChanges } from "~/models/module-changes.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `What changed: ${data?.module.title ?? "module"} · Firsthand` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { product, module } = await requireModule({
    productSlug: params.product,
    moduleSlug: params["*"],
  });
  const certification = getActiveCertification({ userId: user.id, productSlug: product.slug });
  const certified = certification?.modules.find((m) => m.slug === module.slug);
  return {
    product: { slug: product.slug, name: product.name },
    module: { slug: module.slug, title: module.title, revision: module.revision },
    certified: Boolean(certification),
    changes: certification
      ? getModuleChanges({ certified, module })
      : ({
          kind: "unavailable",
          reason: "You have no certification on this product yet, so there is nothing to compare.",
        } as const),
  };
}

export default function WhatChanged() {
  const { product, module, changes } = useLoaderData<typeof loader>();
  const moduleUrl = `/products/${product.slug}/${module.slug}`;
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link to="/products">Products</Link> /{" "}
        <Link to={`/products/${product.slug}`}>{product.name}</Link> /{" "}
        <Link to={moduleUrl}>{module.title}</Link>
      </nav>
      <header className="page-header">
        <h1>What changed in “{module.title}”</h1>
        {changes.kind === "diff" ? (
          <p className="muted">
            From revision {changes.fromRevision} (what you were certified on) to revision{" "}
            {changes.toRevision} (what customers get today):{" "}
            <span className="diff-count-added">+{changes.added}</span> lines,{" "}
            <span className="diff-count-removed">−{changes.removed}</span> lines. Knowledge-check
            answers are hidden.
          </p>
        ) : null}
      </header>
      {changes.kind === "diff" ? (
        changes.hunks.length === 0 ? (
          <p className="panel">The text is the same; only metadata changed.</p>
        ) : (
          <SourceDiff hunks={changes.hunks} />
        )
      ) : (
        <p className="panel">{changes.reason}</p>
      )}
      <p>
        <Link to={moduleUrl} className="button button-primary">
          Re-take this module
        </Link>
      </p>
    </div>
  );
}
