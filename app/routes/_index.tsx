import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FrictionCounts } from "~/components/friction-counts";
import { ManagerDashboard } from "~/components/manager-dashboard";
import { PitchVerdict, ProgressBar } from "~/components/pitch-verdict";
import { StatusPill } from "~/components/status-pill";
import { formatDate } from "~/utils/dates";
import { loadCatalog } from "~/content/content.server";
import { getProductOverviews } from "~/models/dashboard.server";
import { getFrictionCountsFor } from "~/models/friction-inbox.server";
import { getManagerDashboard } from "~/models/manager-dashboard.server";
import readinessStyles from "~/styles/readiness.css?url";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Home · Firsthand" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: readinessStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const overviews =
    user.role === "rep"
      ? getProductOverviews({ userId: user.id, products: await loadCatalog() })
      : null;
  const dashboard =
    user.role === "manager" || user.role === "admin"
      ? getManagerDashboard({ viewer: user, products: await loadCatalog() })
      : null;
  const friction = dashboard
    ? getFrictionCountsFor({ viewer: user, products: await loadCatalog() })
    : null;
  return { name: user.name, role: user.role, overviews, dashboard, friction };
}

const nextLabels = { start: "Start with", continue: "Next up", refresh: "Re-take" } as const;

export default function Home() {
  const { name, role, overviews, dashboard, friction } = useLoaderData<typeof loader>();
  const expiring = overviews?.filter((o) => o.expiringSoon) ?? [];
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>Welcome, {name.split(" ")[0]}</h1>
        <p className="muted">
          Firsthand serves your customers&apos; own onboarding, unchanged, so you know the journey
          before you pitch it.
        </p>
      </header>
      {dashboard ? <ManagerDashboard dashboard={dashboard} /> : null}
      {friction ? <FrictionCounts counts={friction} /> : null}
      {expiring.length ? (
        <section className="banner banner-warning" aria-labelledby="expiring-title">
          <h2 id="expiring-title" className="small-heading">
            Expiring within 30 days
          </h2>
          <ul>
            {expiring.map((o) => (
              <li key={o.slug}>
                <Link to={`/products/${o.slug}`}>{o.name}</Link> expires{" "}
                {formatDate(o.eligibility.expiresAt)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {overviews ? (
        <section aria-labelledby="my-products-title" className="stack">
          <h2 id="my-products-title">My products</h2>
          <ul className="card-grid" aria-label="My products">
            {overviews.map((o) => (
              <li key={o.slug} className="panel product-card" aria-label={o.name}>
                <div className="meta-row">
                  <h3>
                    <Link to={`/products/${o.slug}`}>{o.name}</Link>
                  </h3>
                  <StatusPill status={o.eligibility.status} />
                </div>
                <ProgressBar value={o.progress} label={`${o.name} progress`} />
                <PitchVerdict eligibility={o.eligibility} />
                {o.nextModule ? (
                  <Link
                    to={`/products/${o.slug}/${o.nextModule.slug}`}
                    className="button button-small"
                  >
                    {nextLabels[o.nextModule.reason]}: {o.nextModule.title} →
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {overviews ? (
        <section aria-labelledby="vocabulary-title" className="stack">
          <h2 id="vocabulary-title">Speak the product&apos;s language</h2>
          <div className="card-grid">
            <VocabularyTiles />
          </div>
        </section>
      ) : (
        <div className="card-grid">
          <Link to="/products" className="tile">
            <strong>Products</strong>
            <span>Browse every certification track.</span>
          </Link>
          <VocabularyTiles />
          {role === "manager" ? (
            <Link to="/team" className="tile">
              <strong>My team</strong>
              <span>See your reps.</span>
            </Link>
          ) : null}
          {role === "admin" ? (
            <Link to="/admin/users" className="tile">
              <strong>People &amp; teams</strong>
              <span>Add people, set roles, disable accounts.</span>
            </Link>
          ) : null}
          {role === "admin" ? (
            <Link to="/admin/integrations" className="tile">
              <strong>Integrations</strong>
              <span>
                API tokens, webhooks to the CRM, the LRS, email and Slack, and what was delivered.
              </span>
            </Link>
          ) : null}
          {role === "author" || role === "admin" ? (
            <Link to="/content" className="tile">
              <strong>Content status</strong>
              <span>Every module&apos;s build state and content-check findings.</span>
            </Link>
          ) : null}
          {role === "author" || role === "admin" ? (
            <Link to="/content/impact" className="tile">
              <strong>Change impact</strong>
              <span>
                Who a revision bump moves to refresh due, by when they lapse, and who has re-taken
                it.
              </span>
            </Link>
          ) : null}
          {role === "author" || role === "admin" ? (
            <Link to="/friction" className="tile">
              <strong>Friction from the field</strong>
              <span>Steps reps flagged as confusing or missing, to answer and resolve.</span>
            </Link>
          ) : null}
          {role === "csm" ? (
            <Link to="/verify" className="tile">
              <strong>Verify a certification</strong>
              <span>Check a rep&apos;s certificate from its link.</span>
            </Link>
          ) : null}
        </div>
      )}
    </div>
  );
}

/** One vocabulary for sales and customer success: on everyone's home page. */
function VocabularyTiles() {
  return (
    <>
      <Link to="/glossary" className="tile">
        <strong>Glossary</strong>
        <span>
          Each product&apos;s own words, the week the customer meets them, and the pitch phrases
          they replace.
        </span>
      </Link>
      <Link to="/vocabulary/check" className="tile">
        <strong>Translation check</strong>
        <span>
          Paste a pitch or an email; see which marketing phrases to replace, and with what.
        </span>
      </Link>
    </>
  );
}
