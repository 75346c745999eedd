import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ImpactTable } from "~/components/impact-table";
import { StatusPill } from "~/components/status-pill";
import { loadCatalog } from "~/content/content.server";
import { getImpactSummary, getProductImpact } from "~/models/change-impact.server";
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

/** Each list shows this many reps; the rest are in its CSV. */
const shown = 50;
const firstOf = <T,>(rows: T[]) => ({ total: rows.length, rows: rows.slice(0, shown) });

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireRole(request, ["author", "admin"]);
  if (!canSeeChangeImpact(viewer)) throw new Response("Not found", { status: 404 });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("That link is not valid.", { status: 400 });
  const { product: productSlug, bump } = query.data;
  const catalog = await loadCatalog();
  const allProducts = catalog.map((p) => ({ slug: p.slug, name: p.name }));
  if (!productSlug) {
    return {
      filter: null,
      allProducts,
      summaries: catalog.map((product) => getImpactSummary({ product })),
      product: null,
    };
  }
  const product = catalog.find((p) => p.slug === productSlug);
  if (!product) throw new Response("Not found", { status: 404 });
  if (bump && !product.modules.some((m) => m.slug === bump && m.status !== "unavailable")) {
    throw new Response("Not found", { status: 404 });
  }
  const impact = getProductImpact({ product, bumpSlug: bump });
  return {
    filter: productSlug,
    allProducts,
    summaries: null,
    product: {
      ...impact,
      pending: { changes: impact.pending.changes, reps: firstOf(impact.pending.reps) },
      bump: impact.bump && { ...impact.bump, reps: firstOf(impact.bump.reps) },
      progress: impact.progress.map((p) => ({ ...p, due: firstOf(p.due) })),
    },
  };
}

export default function ChangeImpact() {
  const { filter, allProducts, summaries, product } = useLoaderData<typeof loader>();
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
            aria-current={filter ? undefined : "page"}
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
      {summaries ? <ImpactSummaries summaries={summaries} /> : null}
      {product ? <ProductImpact product={product} /> : null}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function ImpactSummaries({ summaries }: { summaries: NonNullable<LoaderData["summaries"]> }) {
  const waiting = summaries.filter((s) => s.waiting);
  return (
    <section className="panel stack" aria-labelledby="impact-all">
      <h2 id="impact-all">Every product</h2>
      <p className="small muted">
        {waiting.length === 0
          ? "No product has an edit waiting to go live."
          : `${waiting.length} product${waiting.length === 1 ? " has" : "s have"} an edit waiting to go live.`}{" "}
        Open a product to see who a bump would move and how far reps have got with the last ones.
      </p>
      <div className="table-wrap">
        <table className="data-table impact-table">
          <caption className="visually-hidden">Change impact per product</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Active certifications</th>
              <th scope="col">Waiting to go live</th>
              <th scope="col">Certifications it moves</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((s) => (
              <tr key={s.slug}>
                <td>
                  <Link to={`/content/impact?product=${s.slug}`}>{s.name}</Link>
                </td>
                <td>{s.certified.toLocaleString("en-GB")}</td>
                <td>
                  {s.waiting ? s.waiting.modules.join(", ") : <span className="muted">—</span>}
                </td>
                <td>
                  {s.waiting ? (
                    s.waiting.reps.toLocaleString("en-GB")
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** "Showing the first 50 of 1,515", with the whole list as CSV; nothing when the list is whole. */
function MoreInCsv({ total, rows, href }: { total: number; rows: number; href: string }) {
  if (total <= rows) return null;
  return (
    <p className="small muted">
      Showing the first {rows} of {total.toLocaleString("en-GB")}.{" "}
      <a href={href} download>
        Download all {total.toLocaleString("en-GB")} as CSV
      </a>
    </p>
  );
}

function ProductImpact({ product }: { product: NonNullable<LoaderData["product"]> }) {
  const csv = (list: string, module?: string) =>
    `/content/impact.csv?${new URLSearchParams({ list, product: product.slug, ...(module ? { module } : {}) })}`;
  return (
    <section className="panel stack" aria-labelledby={`i-${product.slug}`}>
      <div className="impact-summary">
        <h2 id={`i-${product.slug}`}>{product.name}</h2>
        <span className="small muted">
          {product.certified.toLocaleString("en-GB")} active certification
          {product.certified === 1 ? "" : "s"} · refresh grace {product.graceDays} days
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
                <Link to={`/content/preview/${product.slug}/${change.slug}`}>{change.title}</Link>:{" "}
                {change.liveRevision === null
                  ? "not served yet"
                  : `revision ${change.liveRevision}`}{" "}
                live, {change.nextRevision === null ? "removed" : `revision ${change.nextRevision}`}{" "}
                on disk. It goes live once it compiles.
              </li>
            ))}
          </ul>
          <ImpactTable
            rows={product.pending.reps.rows}
            caption={`Certifications this moves when it goes live (${product.pending.reps.total})`}
          />
          <MoreInCsv
            total={product.pending.reps.total}
            rows={product.pending.reps.rows.length}
            href={csv("waiting")}
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
        <>
          <ImpactTable
            rows={product.bump.reps.rows}
            caption={`Raising “${product.bump.title}” to revision ${product.bump.from + 1} today would touch ${product.bump.reps.total} certification${product.bump.reps.total === 1 ? "" : "s"}`}
          />
          <MoreInCsv
            total={product.bump.reps.total}
            rows={product.bump.reps.rows.length}
            href={csv("bump", product.bump.slug)}
          />
        </>
      ) : null}

      <h3>Refresh progress</h3>
      {product.progress.length === 0 ? (
        <p className="small muted">No live revision bump has certified reps to re-take it.</p>
      ) : (
        <ul className="list stack">
          {product.progress.map((p) => (
            <li key={p.slug} className="impact-progress">
              <div className="impact-summary">
                <strong>
                  <Link to={`/content/history/${product.slug}/${p.slug}`}>{p.title}</Link>
                </strong>
                <span className="small muted">
                  revision {p.revision}, live since {formatDate(p.liveSince)}
                </span>
                <span>
                  {p.retaken.toLocaleString("en-GB")} of {p.affected.toLocaleString("en-GB")}{" "}
                  re-taken
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
              {p.due.total ? (
                <details className="stack-sm">
                  <summary>
                    Who still has to re-take it ({p.due.total.toLocaleString("en-GB")})
                  </summary>
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
                        {p.due.rows.map((d) => (
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
                  <MoreInCsv
                    total={p.due.total}
                    rows={p.due.rows.length}
                    href={csv("refresh", p.slug)}
                  />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
