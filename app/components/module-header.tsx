import { Link } from "@remix-run/react";
import type { ModuleSummary } from "~/content/types";

type HeaderModule = Pick<
  ModuleSummary,
  "slug" | "title" | "summary" | "week" | "duration" | "revision" | "friction"
>;

/** Title, journey metadata and known friction of a module, as the rep meets it. */
export function ModuleHeader({
  product,
  module,
  completed,
  refreshDue,
}: {
  product: { slug: string; name: string };
  module: HeaderModule;
  completed: boolean;
  refreshDue: boolean;
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link to="/products">Products</Link> /{" "}
        <Link to={`/products/${product.slug}`}>{product.name}</Link>
      </nav>
      <header className="module-header">
        <h1 id="module-title">{module.title}</h1>
        {module.summary ? <p className="muted module-summary">{module.summary}</p> : null}
        <p className="meta-row small">
          {module.week !== null ? (
            <span className="pill pill-info">Customer week {module.week}</span>
          ) : null}
          {module.duration !== null ? <span className="pill">{module.duration} min</span> : null}
          <span className="pill">Revision {module.revision}</span>
          {completed ? <span className="pill pill-success">Completed</span> : null}
          {refreshDue ? (
            <span className="pill pill-warning">Changed since your certification</span>
          ) : null}
        </p>
        {refreshDue ? (
          <p className="banner banner-warning small">
            This module changed since you were certified.{" "}
            <Link to={`/what-changed/${product.slug}/${module.slug}`}>See what changed</Link>, then
            re-take its knowledge checks and confirm it below.
          </p>
        ) : null}
        {module.friction.length ? (
          <aside className="friction-box" aria-label="Known friction">
            <strong>Where customers struggle here</strong>
            <ul>
              {module.friction.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </aside>
        ) : null}
      </header>
    </>
  );
}
