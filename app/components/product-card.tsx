import { Link } from "@remix-run/react";
import type { ProductOverview } from "~/models/dashboard.server";
import { formatDate } from "~/utils/dates";
import { ProgressBar } from "./pitch-verdict";
import { StatusPill } from "./status-pill";

type Overview = Omit<ProductOverview, "eligibility"> & {
  eligibility: Pick<ProductOverview["eligibility"], "cleared" | "status" | "expiresAt">;
};

const actionLabels = { start: "Start", continue: "Continue", refresh: "Re-take" } as const;

/** "about 25 min", "about 4 h": the time is an estimate from the modules' own durations. */
export function aboutTime(minutes: number) {
  if (minutes < 60) return `about ${minutes} min`;
  return `about ${Math.round(minutes / 30) / 2} h`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function whatIsLeft(o: Overview) {
  if (o.retakeNeeded) return "Track done below the pass mark · your manager can grant a re-take";
  if (o.eligibility.status === "certified") {
    const until = o.eligibility.expiresAt
      ? ` · certified until ${formatDate(o.eligibility.expiresAt)}`
      : "";
    return `All ${plural(o.moduleCount, "module")} done${until}`;
  }
  if (o.left.modules === 0) return plural(o.moduleCount, "module");
  const what =
    o.left.kind === "retake"
      ? `${plural(o.left.modules, "module")} to re-take`
      : `${plural(o.left.modules, "module")} left`;
  return o.left.minutes ? `${what} · ${aboutTime(o.left.minutes)}` : what;
}

/** "Cleared to pitch" or "Not yet cleared", as a badge: the reasons are on the track page. */
export function VerdictBadge({ cleared }: { cleared: boolean }) {
  return cleared ? (
    <span className="pill pill-success">
      <span aria-hidden="true">✓ </span>Cleared to pitch
    </span>
  ) : (
    <span className="pill">Not yet cleared</span>
  );
}

/** One product on a rep's home or the catalogue: where they stand and the one thing to do next. */
export function ProductCard({
  overview: o,
  headingLevel: Heading = "h3",
  showSummary = false,
}: {
  overview: Overview;
  headingLevel?: "h2" | "h3";
  showSummary?: boolean;
}) {
  return (
    <li className="panel product-card" aria-label={o.name}>
      <Heading>
        <Link to={`/products/${o.slug}`}>{o.name}</Link>
      </Heading>
      <div className="meta-row">
        <StatusPill status={o.eligibility.status} />
        <VerdictBadge cleared={o.eligibility.cleared} />
      </div>
      {showSummary && o.summary ? <p className="muted small">{o.summary}</p> : null}
      <p className="small">{whatIsLeft(o)}</p>
      <ProgressBar value={o.progress} label={`${o.name} progress`} />
      {o.nextModule ? (
        <div className="card-actions">
          <Link
            to={`/products/${o.slug}/${o.nextModule.slug}`}
            className="button button-primary"
            title={o.nextModule.title}
          >
            {actionLabels[o.nextModule.reason]}
            <span className="visually-hidden">
              {" "}
              {o.name}: {o.nextModule.title}
            </span>
          </Link>
        </div>
      ) : null}
    </li>
  );
}

/** A product for someone who does not take its track: what it is, not a rep's verdict. */
export function CatalogueCard({
  product,
}: {
  product: Pick<
    ProductOverview,
    "slug" | "name" | "summary" | "moduleCount" | "totalMinutes" | "weeks"
  >;
}) {
  return (
    <li className="panel product-card" aria-label={product.name}>
      <h2>
        <Link to={`/products/${product.slug}`}>{product.name}</Link>
      </h2>
      {product.summary ? <p className="muted small">{product.summary}</p> : null}
      <p className="small">
        {plural(product.moduleCount, "module")}
        {product.weeks ? ` · ${plural(product.weeks, "week")} of customer journey` : ""}
        {product.totalMinutes ? ` · ${aboutTime(product.totalMinutes)}` : ""}
      </p>
      <div className="card-actions">
        <Link to={`/products/${product.slug}`} className="button">
          See the journey
          <span className="visually-hidden"> of {product.name}</span>
        </Link>
      </div>
    </li>
  );
}
