import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PitchVerdict, ProgressBar } from "~/components/pitch-verdict";
import { StatusPill } from "~/components/status-pill";
import { describeValidity } from "~/models/certificate-validity";
import { requireProduct } from "~/content/content.server";
import { getStanding } from "~/models/certification.server";
import { describeEligibility } from "~/models/eligibility.server";
import { takesTrack } from "~/models/enrolment.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.product.name ?? "Product"} · Firsthand` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const product = await requireProduct({ productSlug: params.product });
  // Someone who does not take this track sees the journey, not a rep's verdict on it.
  const standing = takesTrack({ user, productSlug: product.slug })
    ? getStanding({ userId: user.id, product })
    : null;
  const report = standing?.report;
  const refresh = new Set(report?.modulesToRefresh.map((m) => m.slug));
  const done = new Set(report?.completedModules);
  return {
    product: {
      slug: product.slug,
      name: product.name,
      summary: product.summary,
      policy: product.policy,
    },
    eligibility: standing ? describeEligibility({ product, standing }) : null,
    progress: report?.progress ?? 0,
    modules: product.modules.map((m) => ({
      slug: m.slug,
      title: m.title,
      summary: m.summary,
      week: m.week,
      duration: m.duration,
      friction: m.friction,
      quizCount: m.quizIds.length,
      unavailable: m.status === "unavailable",
      state: refresh.has(m.slug) ? "refresh" : done.has(m.slug) ? "done" : "open",
    })),
  };
}

export default function ProductTrack() {
  const { product, eligibility, modules, progress } = useLoaderData<typeof loader>();
  const weeks = [...new Set(modules.map((m) => m.week))];
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link to="/products">Products</Link> / <span aria-current="page">{product.name}</span>
      </nav>
      <header className="page-header stack">
        <div className="meta-row">
          <h1>{product.name}</h1>
          {eligibility ? <StatusPill status={eligibility.status} /> : null}
        </div>
        <p className="muted">{product.summary}</p>
        {eligibility ? (
          <>
            <ProgressBar value={progress} label={`${product.name} progress`} />
            <PitchVerdict eligibility={eligibility} />
          </>
        ) : null}
        {eligibility?.certificationId ? (
          <p className="small">
            <Link to={`/certificates/${eligibility.certificationId}`}>View your certificate</Link>
            {eligibility.expiresAt
              ? ` · ${describeValidity({ status: eligibility.status, expiresAt: eligibility.expiresAt, refreshDeadline: eligibility.refreshDeadline }).sentence}`
              : null}
          </p>
        ) : null}
      </header>
      <section className="panel" aria-labelledby="track-title">
        <h2 id="track-title">The customer&apos;s journey</h2>
        <p className="muted small">
          Pass mark {Math.round(product.policy.passMark * 100)}% at the first attempt ·{" "}
          {product.policy.maxAttemptsPerDay} attempts per question per day · certification valid{" "}
          {product.policy.validDays} days
        </p>
        {weeks.map((week) => (
          <div key={String(week)} className="week-group">
            <h3 className="week-title">{week === null ? "Any time" : `Week ${week}`}</h3>
            <ol className="track-list">
              {modules
                .filter((m) => m.week === week)
                .map((m) => (
                  <li key={m.slug}>
                    <span
                      className={`step-badge ${m.state === "done" ? "is-done" : m.state === "refresh" ? "is-refresh" : ""}`}
                      aria-hidden="true"
                    >
                      {m.state === "done"
                        ? "✓"
                        : m.state === "refresh"
                          ? "↻"
                          : modules.indexOf(m) + 1}
                    </span>
                    <div>
                      <h4 className="module-title">
                        <Link to={`/products/${product.slug}/${m.slug}`}>{m.title}</Link>
                      </h4>
                      {m.summary ? <p className="muted small">{m.summary}</p> : null}
                      {m.friction.length ? (
                        <ul className="friction-list" aria-label="Known friction">
                          {m.friction.map((f) => (
                            <li key={f}>{f}</li>
                          ))}
                        </ul>
                      ) : null}
                      {m.state === "refresh" ? (
                        <p className="small">
                          <strong>Changed since your certification.</strong>{" "}
                          <Link to={`/what-changed/${product.slug}/${m.slug}`}>
                            See what changed
                          </Link>
                        </p>
                      ) : null}
                    </div>
                    <div className="module-side small muted">
                      {m.duration ? <span>{m.duration} min</span> : null}
                      {m.quizCount ? <span>{m.quizCount} checks</span> : null}
                      {eligibility ? (
                        <span className="visually-hidden">
                          {m.state === "done"
                            ? "Completed"
                            : m.state === "refresh"
                              ? "Refresh due"
                              : "Not completed"}
                        </span>
                      ) : null}
                      {m.unavailable ? <span className="pill pill-danger">Unavailable</span> : null}
                    </div>
                  </li>
                ))}
            </ol>
          </div>
        ))}
      </section>
    </div>
  );
}
