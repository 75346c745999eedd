import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuthorModuleNav } from "~/components/author-module-nav";
import { SourceDiff } from "~/components/source-diff";
import { requireModule } from "~/content/content.server";
import { getModuleHistory } from "~/models/module-history.server";
import authoringStyles from "~/styles/authoring.css?url";
import { requireRole } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authoringStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `History: ${data.module.title} · Firsthand` : "History · Firsthand" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, ["author", "admin"]);
  const { product, module } = await requireModule({
    productSlug: params.product,
    moduleSlug: params["*"],
  });
  return {
    product: { slug: product.slug, name: product.name },
    module: { slug: module.slug, title: module.title, status: module.status },
    history: getModuleHistory({ productSlug: product.slug, module }),
  };
}

export default function ModuleHistory() {
  const { product, module, history } = useLoaderData<typeof loader>();
  const revisions = new Set(history.map((entry) => entry.revision)).size;
  return (
    <div className="stack-lg">
      <AuthorModuleNav product={product} module={module} current="history" />
      <header className="page-header">
        <h1>History of “{module.title}”</h1>
        <p className="muted">
          Every version reps were served: {history.length} version{history.length === 1 ? "" : "s"}{" "}
          over {revisions} revision{revisions === 1 ? "" : "s"}, newest first, each compared with
          the one before (answer keys included). An edit that never compiled was never served, so it
          is not here.
        </p>
      </header>
      {history.length === 0 ? (
        <p className="panel">
          Reps have not been served this module yet. <Link to="/content">Content status</Link> shows
          why.
        </p>
      ) : (
        <ol className="history-list" aria-label="Versions">
          {history.map((entry, i) => (
            <li key={entry.hash} className="panel stack history-entry">
              <header>
                <h2>Revision {entry.revision}</h2>
                {entry.current ? <span className="pill pill-success">Served now</span> : null}
                {entry.change && entry.change.fromRevision !== entry.revision ? (
                  <span className="pill pill-warning">
                    Revision bump {entry.change.fromRevision} → {entry.revision}
                  </span>
                ) : null}
                <span className="small muted">
                  first served{" "}
                  <time dateTime={entry.firstServedAt}>{formatDateTime(entry.firstServedAt)}</time>
                </span>
                <span className="small muted">
                  sha256 <code title={entry.hash}>{entry.hash.slice(0, 12)}</code> ·{" "}
                  <code>{entry.path}</code>
                </span>
              </header>
              {entry.change ? (
                <details open={i === 0}>
                  <summary>
                    Compared with revision {entry.change.fromRevision}:{" "}
                    <span className="diff-count-added">+{entry.change.added}</span>{" "}
                    <span className="diff-count-removed">−{entry.change.removed}</span> lines
                  </summary>
                  {entry.change.hunks.length ? (
                    <SourceDiff
                      hunks={entry.change.hunks}
                      label={`Changes from revision ${entry.change.fromRevision} to ${entry.revision}`}
                    />
                  ) : (
                    <p className="muted">The text is the same; only metadata changed.</p>
                  )}
                </details>
              ) : (
                <p className="small muted">The first version reps were served.</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
