import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { LinksFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import path from "node:path";
import { loadCatalog } from "~/content/content.server";
import { readSyncRecord } from "~/content/content-sync.server";
import authoringStyles from "~/styles/authoring.css?url";
import { requireRole } from "~/utils/auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authoringStyles }];

export const meta: MetaFunction = () => [{ title: "Content status · Firsthand" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, ["author", "admin"]);
  const products = await loadCatalog();
  return {
    canSync: user.role === "admin",
    products: products.map((p) => ({
      slug: p.slug,
      name: p.name,
      syncedCommit: readSyncRecord({ productDir: p.dir })?.commit ?? null,
      modules: p.modules.map((m) => ({
        slug: m.slug,
        title: m.title,
        path: m.path,
        status: m.status,
        revision: m.revision,
        fingerprint: m.shownSourceHash ?? m.sourceHash,
        error: m.error ?? null,
        quizzes: m.quizIds.length,
      })),
      diagnostics: p.diagnostics.map((d) => ({
        severity: d.severity,
        message: d.message,
        where: `${path.relative(p.dir, d.file) || path.basename(d.file)}${d.line ? `:${d.line}` : ""}${d.column ? `:${d.column}` : ""}`,
      })),
    })),
  };
}

const statusTone = {
  ready: "pill-success",
  stale: "pill-warning",
  unavailable: "pill-danger",
} as const;

export default function ContentStatus() {
  const { products, canSync } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>Content status</h1>
        <p className="muted">
          Every module as reps see it now, with what <code>npm run content:check</code> reports. A
          module whose latest edit fails keeps serving its last good version (stale). Preview any
          module with its answer key, see its history, and see{" "}
          <Link to="/content/impact">who a revision bump would move to refresh due</Link>.
          {canSync ? (
            <>
              {" "}
              Products kept in git are pulled on <Link to="/content/sync">Sync content</Link>.
            </>
          ) : null}
        </p>
      </header>
      {products.map((p) => {
        const errors = p.diagnostics.filter((d) => d.severity === "error").length;
        const warnings = p.diagnostics.length - errors;
        return (
          <section key={p.slug} className="panel stack" aria-labelledby={`p-${p.slug}`}>
            <div className="meta-row">
              <h2 id={`p-${p.slug}`}>
                <Link to={`/products/${p.slug}`}>{p.name}</Link>
              </h2>
              <span className={`pill ${errors ? "pill-danger" : "pill-success"}`}>
                {errors} errors
              </span>
              <span className={`pill ${warnings ? "pill-warning" : ""}`}>{warnings} warnings</span>
              <Link to={`/content/impact?product=${p.slug}`} className="small">
                Change impact
              </Link>
            </div>
            <div className="table-wrap">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Module</th>
                    <th scope="col">Source</th>
                    <th scope="col">Revision</th>
                    <th scope="col">Served version</th>
                    <th scope="col">Checks</th>
                    <th scope="col">Build</th>
                    <th scope="col">Author tools</th>
                  </tr>
                </thead>
                <tbody>
                  {p.modules.map((m) => (
                    <tr key={m.slug}>
                      <td>
                        <Link to={`/products/${p.slug}/${m.slug}`}>{m.title}</Link>
                      </td>
                      <td>
                        <code className="small">{m.path}</code>
                      </td>
                      <td>{m.revision}</td>
                      <td className="small">
                        sha256 <code title={m.fingerprint}>{m.fingerprint.slice(0, 12)}</code>
                        {p.syncedCommit ? (
                          <>
                            {" "}
                            · commit{" "}
                            <code title={p.syncedCommit}>{p.syncedCommit.slice(0, 12)}</code>
                          </>
                        ) : null}
                      </td>
                      <td>{m.quizzes}</td>
                      <td>
                        <span className={`pill ${statusTone[m.status]}`}>{m.status}</span>
                      </td>
                      <td>
                        <span className="content-actions">
                          <Link
                            to={`/content/preview/${p.slug}/${m.slug}`}
                            aria-label={`Preview ${m.title}`}
                          >
                            Preview
                          </Link>
                          <Link
                            to={`/content/history/${p.slug}/${m.slug}`}
                            aria-label={`History of ${m.title}`}
                          >
                            History
                          </Link>
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {p.diagnostics.length ? (
              <details>
                <summary>Findings ({p.diagnostics.length})</summary>
                <ul className="list small">
                  {p.diagnostics.map((d, i) => (
                    <li key={i}>
                      <span
                        className={`pill ${d.severity === "error" ? "pill-danger" : "pill-warning"}`}
                      >
                        {d.severity}
                      </span>
                      <code>{d.where}</code> {d.message}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
