import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PitchVerdict, ProgressBar } from "~/components/pitch-verdict";
import { StatusPill } from "~/components/status-pill";
import { loadCatalog } from "~/content/content.server";
import { getProductOverviews } from "~/models/dashboard.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Products · Firsthand" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const products = await loadCatalog();
  return { overviews: getProductOverviews({ userId: user.id, products }) };
}

export default function Products() {
  const { overviews } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>Products</h1>
        <p className="muted">
          Each track is the customer&apos;s own onboarding, module by module, in the order they meet
          it.
        </p>
      </header>
      {overviews.length === 0 ? (
        <p className="panel">
          No products yet. Enablement adds them as folders of MDX under content/products.
        </p>
      ) : (
        <ul className="card-grid" aria-label="Products">
          {overviews.map((p) => (
            <li key={p.slug} className="panel product-card">
              <h2>
                <Link to={`/products/${p.slug}`}>{p.name}</Link>
              </h2>
              <p className="muted small">{p.summary}</p>
              <p className="small muted">
                {p.moduleCount} modules · {p.weeks} weeks of customer journey ·{" "}
                {Math.round(p.totalMinutes / 6) / 10} h
              </p>
              <div className="meta-row">
                <StatusPill status={p.eligibility.status} />
              </div>
              <ProgressBar value={p.progress} label={`${p.name} progress`} />
              <PitchVerdict eligibility={p.eligibility} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
