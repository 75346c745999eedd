import { Link } from "@remix-run/react";
import { formatDate } from "~/utils/dates";

export type ManagerDashboardView = {
  scopeName: string;
  reps: number;
  shares: { productSlug: string; productName: string; cleared: number; reps: number }[];
  trend: { end: string; held: number; completions: number }[];
  due: {
    repId: string;
    repName: string;
    productName: string;
    kind: "lapses" | "expires";
    due: string;
    daysLeft: number;
  }[];
  dueCount: number;
  stalls: {
    productName: string;
    productSlug: string;
    module: string;
    stuck: number;
    reached: number;
  }[];
};

/** The manager's and admin's home: their own component, beside the rep's product cards. */
export function ManagerDashboard({ dashboard }: { dashboard: ManagerDashboardView }) {
  const { scopeName, reps, shares, trend, due, dueCount, stalls } = dashboard;
  return (
    <section className="stack" aria-labelledby="dashboard-title">
      <div className="meta-row">
        <h2 id="dashboard-title">
          {scopeName}: {reps} reps
        </h2>
        <Link to="/team" className="button button-small">
          Open the readiness matrix →
        </Link>
      </div>
      <div className="dashboard-grid">
        <div className="panel stack-sm">
          <h3>Cleared to pitch</h3>
          <ShareChart shares={shares} />
        </div>
        <div className="panel stack-sm">
          <h3>Last 12 weeks</h3>
          <TrendChart trend={trend} />
        </div>
        <div className="panel stack-sm">
          <h3>Due in the next 30 days</h3>
          {due.length ? (
            <ul className="dashboard-list">
              {due.map((d) => (
                <li key={`${d.repId}/${d.productName}/${d.kind}`}>
                  <Link to={`/team/reps/${d.repId}`}>{d.repName}</Link>: {d.productName}{" "}
                  {d.kind === "lapses" ? "lapses" : "expires"} {formatDate(d.due)} (in {d.daysLeft}{" "}
                  days)
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nothing lapses or expires in the next 30 days.</p>
          )}
          {dueCount > due.length ? (
            <p className="small">
              <Link to="/team#due-title">All {dueCount} →</Link>
            </p>
          ) : null}
        </div>
        <div className="panel stack-sm">
          <h3>Where reps stall</h3>
          {stalls.length ? (
            <ul className="dashboard-list">
              {stalls.map((s) => (
                <li key={s.productSlug}>
                  <Link to={`/team?product=${s.productSlug}#stalls-title`}>{s.productName}</Link>:{" "}
                  {s.stuck} of {s.reached} reps who reached &ldquo;{s.module}&rdquo; have not
                  completed it
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No one is stuck part-way through a module.</p>
          )}
        </div>
      </div>
    </section>
  );
}

function ShareChart({ shares }: { shares: ManagerDashboardView["shares"] }) {
  const row = 34;
  const width = 440;
  const bar = 190;
  return (
    <svg
      viewBox={`0 0 ${width} ${shares.length * row + 4}`}
      className="chart-svg"
      role="img"
      aria-label={shares
        .map((s) => `${s.productName}: ${s.cleared} of ${s.reps} reps cleared to pitch`)
        .join("; ")}
    >
      {shares.map((s, i) => {
        const share = s.reps ? s.cleared / s.reps : 0;
        const y = i * row + 4;
        return (
          <g key={s.productSlug}>
            <text x={0} y={y + 16} className="chart-label">
              {s.productName}
            </text>
            <rect x={120} y={y + 2} width={bar} height={20} rx={4} className="share-bar-track" />
            <rect x={120} y={y + 2} width={bar * share} height={20} rx={4} className="share-bar" />
            <text x={120 + bar + 8} y={y + 16} className="chart-label">
              {`${s.cleared} of ${s.reps} · ${Math.round(share * 100)}%`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function TrendChart({ trend }: { trend: ManagerDashboardView["trend"] }) {
  const width = 420;
  const height = 150;
  const top = 14;
  const bottom = 24;
  const plot = height - top - bottom;
  const max = Math.max(1, ...trend.map((w) => Math.max(w.held, w.completions)));
  const step = width / trend.length;
  const y = (n: number) => top + plot - (n / max) * plot;
  const points = trend.map((w, i) => `${i * step + step / 2},${y(w.held)}`).join(" ");
  return (
    <figure className="stack-sm">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="chart-svg"
        role="img"
        aria-label={trend
          .map(
            (w) =>
              `Week to ${formatDate(w.end)}: ${w.held} certifications held, ${w.completions} modules completed`,
          )
          .join("; ")}
      >
        <line x1={0} x2={width} y1={top + plot} y2={top + plot} className="chart-grid" />
        {trend.map((w, i) => (
          <rect
            key={w.end}
            x={i * step + step * 0.2}
            y={y(w.completions)}
            width={step * 0.6}
            height={top + plot - y(w.completions)}
            className="trend-bar"
          />
        ))}
        <polyline points={points} className="trend-line" />
        {trend.map((w, i) => (
          <circle
            key={w.end}
            cx={i * step + step / 2}
            cy={y(w.held)}
            r={3.5}
            className="trend-dot"
          />
        ))}
        {trend.map((w, i) =>
          i % 3 === 2 || i === trend.length - 1 ? (
            <text
              key={w.end}
              x={i * step + step / 2}
              y={height - 6}
              textAnchor="middle"
              className="chart-axis"
            >
              {i === trend.length - 1 ? "now" : formatDate(w.end).replace(/ \d{4}$/, "")}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="muted small">
        Line: certifications held at each week&apos;s end ({trend.at(-1)?.held ?? 0} now). Bars:
        modules completed that week.
      </figcaption>
    </figure>
  );
}
