import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ImpactTable } from "~/components/impact-table";
import { StatusPill } from "~/components/status-pill";
import { loadCatalog } from "~/content/content.server";
import { getProductImpact } from "~/models/change-impact.server";
import authoringStyles from "~/styles/authoring.css?url";
import { requireRole } from "~/utils/auth.server";
import { canSeeChangeImpact } from "~/utils/permissions.server";
import { formatDate } from "~/utils/dates";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authoringStyles }];

export const meta: MetaFunction = () => [{ title: "Change impact · Firsthand" }];

const querySchema = z.object({
  product: z.string().max(200).optional(),
  bump: z.string().max(500).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireRole(request, ["author", "admin"]);
  if (!canSeeChangeImpact(viewer)) throw new Response("Not found", { status: 404 });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("That link is not valid.", { status: 400 });
  const { product: productSlug, bump } = query.data;
  const catalog = await loadCatalog();
  const selected = productSlug ? catalog.filter((p) => p.slug === productSlug) : catalog;
  if (productSlug && selected.length === 0) throw new Response("Not found", { status: 404 });
  if (bump && !selected[0]?.modules.some((m) => m.slug === bump && m.status !== "unavailable")) {
    throw new Response("Not found", { status: 404 });
  }
  return {
    filter: productSlug ?? null,
    allProducts: catalog.map((p) => ({ slug: p.slug, name: p.name })),
    products: selected.map((product) =>
      getProductImpact({ product, bumpSlug: productSlug ? bump : null }),
    ),
  };
}

export default function ChangeImpact() {
  const { filter, allProducts, products } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link to="/content">Content status</Link> / Change impact
      </nav>
      <header className="page-header">
        <h1>Change impact</h1>
        <p className="muted">
          Raising a module&apos;s <code>revision</code> moves every certified rep to “refresh due”
          for it, and their certification lapses after the product&apos;s grace period. See who a
          bump touches before it goes live, and who has re-taken it since. To check a content folder
          before it is served, run <code>npm run content:impact -- --dir DIR</code>.
        </p>
        <nav aria-label="Products" className="author-tabs">
          <Link
            to="/content/impact"
            className={filter ? "author-tab" : "author-tab author-tab-current"}
          >
            All products
          </Link>
          {allProducts.map((p) => (
            <Link
              key={p.slug}
              to={`/content/impact?product=${p.slug}`}
              className={filter === p.slug ? "author-tab author-tab-current" : "author-tab"}
              aria-current={filter === p.slug ? "page" : undefined}
            >
              {p.name}
            </Link>
          ))}
        </nav>
      </header>
      {products.map((product) => (
        <section key={product.slug} className="panel stack" aria-labelledby={`i-${product.slug}`}>
          <div className="impact-summary">
            <h2 id={`i-${product.slug}`}>{product.name}</h2>
            <span className="small muted">
              {product.certified} active certification{product.certified === 1 ? "" : "s"} · refresh
              grace {product.graceDays} days
            </span>
          </div>

          <h3>Waiting to go live</h3>
          {product.pending.changes.length === 0 ? (
            <p className="small muted">Every module on disk states the revision reps are served.</p>
          ) : (
            <>
              <ul className="pending-list small">
                {product.pending.changes.map((change) => (
                  <li key={change.slug}>
                    <Link to={`/content/preview/${product.slug}/${change.slug}`}>
                      {change.title}
                    </Link>
                    :{" "}
                    {change.liveRevision === null
                      ? "not served yet"
                      : `revision ${change.liveRevision}`}{" "}
                    live,{" "}
                    {change.nextRevision === null ? "removed" : `revision ${change.nextRevision}`}{" "}
                    on disk. It goes live once it compiles.
                  </li>
                ))}
              </ul>
              <ImpactTable
                rows={product.pending.reps}
                caption={`Certifications this moves when it goes live (${product.pending.reps.length})`}
              />
            </>
          )}

          <h3>Before you raise a revision</h3>
          <form method="get" className="meta-row" action="/content/impact">
            <input type="hidden" name="product" value={product.slug} />
            <label>
              <span className="small">Module</span>{" "}
              <select name="bump" defaultValue={product.bump?.slug ?? ""}>
                {product.modules.map((m) => (
                  <option key={m.slug} value={m.slug}>
                    {m.title} (revision {m.revision})
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button button-small">
              Who would a bump move?
            </button>
          </form>
          {product.bump ? (
            <ImpactTable
              rows={product.bump.reps}
              caption={`Raising “${product.bump.title}” to revision ${product.bump.from + 1} today would touch ${product.bump.reps.length} certification${product.bump.reps.length === 1 ? "" : "s"}`}
            />
          ) : null}

          <h3>Refresh progress</h3>
          {product.progress.length === 0 ? (
            <p className="small muted">No live revision bump has certified reps to re-take it.</p>
          ) : (
            <ul className="list stack">
              {product.progress.map((p) => (
                <li key={p.slug} className="stack">
                  <div className="impact-summary">
                    <strong>
                      <Link to={`/content/history/${product.slug}/${p.slug}`}>{p.title}</Link>
                    </strong>
                    <span className="small muted">
                      revision {p.revision}, live since {formatDate(p.liveSince)}
                    </span>
                    <span>
                      {p.retaken} of {p.affected} re-taken
                    </span>
                    <span
                      className="refresh-bar"
                      role="progressbar"
                      aria-label={`${p.title}: re-taken`}
                      aria-valuemin={0}
                      aria-valuemax={p.affected}
                      aria-valuenow={p.retaken}
                    >
                      <span style={{ width: `${(100 * p.retaken) / p.affected}%` }} />
                    </span>
                  </div>
                  {p.due.length ? (
                    <div className="table-wrap">
                      <table className="data-table impact-table">
                        <caption className="visually-hidden">Still to re-take {p.title}</caption>
                        <thead>
                          <tr>
                            <th scope="col">Still to re-take</th>
                            <th scope="col">Email</th>
                            <th scope="col">Status</th>
                            <th scope="col">Lapses</th>
                          </tr>
                        </thead>
                        <tbody>
                          {p.due.map((d) => (
                            <tr key={d.email}>
                              <td>{d.name}</td>
                              <td>{d.email}</td>
                              <td>
                                <StatusPill status={d.status} />
                              </td>
                              <td>{formatDate(d.lapses)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
