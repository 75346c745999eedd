import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SourceDiff } from "~/components/source-diff";
import { requireModule } from "~/content/content.server";
import { ReadingDiffView } from "~/components/reading-diff";
import { getActiveCertification, getStanding } from "~/models/certification.server";
import { formatDate } from "~/utils/dates";
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
  const { report } = getStanding({ userId: user.id, product });
  const due = report.modulesToRefresh.some((m) => m.slug === module.slug);
  return {
    retake: due
      ? {
          deadline: report.refreshDeadline?.toISOString() ?? null,
          lapsed: report.status === "lapsed",
        }
      : null,
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
  const { product, module, changes, retake } = useLoaderData<typeof loader>();
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
            What customers meet today (revision {changes.toRevision}) against what you were
            certified on (revision {changes.fromRevision}). Knowledge-check answers are hidden.
          </p>
        ) : null}
      </header>
      {retake ? (
        <p className={`banner ${retake.lapsed ? "banner-error" : "banner-warning"}`}>
          {retake.lapsed ? (
            <>
              <strong>Re-take overdue</strong>: it was due by {formatDate(retake.deadline)}, so your
              certification is lapsed until you re-take this module.
            </>
          ) : (
            <>
              <strong>Re-take by {formatDate(retake.deadline)}</strong> to stay cleared to pitch.
            </>
          )}{" "}
          <Link to={moduleUrl}>Re-take this module</Link>
        </p>
      ) : null}
      {changes.kind === "diff" ? (
        <>
          <ReadingDiffView reading={changes.reading} />
          <details className="panel source-diff">
            <summary>
              Source changes, line by line (for authors):{" "}
              <span className="diff-count-added">+{changes.added}</span>{" "}
              <span className="diff-count-removed">−{changes.removed}</span> lines
            </summary>
            {changes.hunks.length === 0 ? (
              <p>The text is the same; only metadata changed.</p>
            ) : (
              <SourceDiff hunks={changes.hunks} label="Source changes" />
            )}
          </details>
        </>
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
