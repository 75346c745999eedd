import { formatMinutes, type ModuleStall } from "~/models/stalls";

const rowHeight = 46;
const labelWidth = 230;
const barArea = 250;
const width = labelWidth + barArea + 170;

const percent = (rate: number | null) => (rate === null ? "–" : `${Math.round(rate * 100)}%`);

/**
 * One product's journey, module by module: reps who reached it (light bar) and completed it
 * (dark bar), with the median time and first-attempt failure rate beside. Plain SVG, so it renders
 * without JavaScript; the table below says the same for screen readers and copy-paste.
 */
export function StallChart({
  productName,
  modules,
  stuckSlug,
}: {
  productName: string;
  modules: ModuleStall[];
  stuckSlug: string | null;
}) {
  const max = Math.max(1, ...modules.map((m) => m.reached));
  const height = modules.length * rowHeight + 28;
  const scale = (n: number) => (n / max) * barArea;
  const titleId = `stall-${productName.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <figure className="stall-chart">
      <p className="chart-scroll-hint muted small" aria-hidden="true">
        Scroll sideways to see the whole chart →
      </p>
      <div className="chart-scroll">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={titleId}
          className="chart-svg"
        >
          <title id={titleId}>
            {`${productName}: ${modules
              .map((m) => `${m.title}, ${m.completed} of ${m.reached} reps completed`)
              .join("; ")}`}
          </title>
          <text x={labelWidth + barArea + 12} y={14} className="chart-axis">
            median time · 1st-try wrong
          </text>
          {modules.map((m, i) => {
            const y = 24 + i * rowHeight;
            const stuck = m.slug === stuckSlug;
            return (
              <g key={m.slug} className={stuck ? "stall-row stall-row-stuck" : "stall-row"}>
                <text x={0} y={y + 15} className="chart-label">
                  {`${i + 1}. ${m.title.length > 27 ? `${m.title.slice(0, 26)}…` : m.title}`}
                </text>
                {stuck ? (
                  <text x={0} y={y + 31} className="chart-note">
                    reps stall here
                  </text>
                ) : null}
                <rect x={labelWidth} y={y} width={barArea} height={34} className="stall-track" />
                <rect
                  x={labelWidth}
                  y={y}
                  width={scale(m.reached)}
                  height={16}
                  className="stall-reached"
                />
                <rect
                  x={labelWidth}
                  y={y + 18}
                  width={scale(m.completed)}
                  height={16}
                  className="stall-completed"
                />
                <text x={labelWidth + 4} y={y + 12} className="chart-bar-text">
                  {`${m.reached} reached`}
                </text>
                <text x={labelWidth + 4} y={y + 30} className="chart-bar-text chart-bar-text-dark">
                  {`${m.completed} completed`}
                </text>
                <text x={labelWidth + barArea + 12} y={y + 22} className="chart-label">
                  {`${formatMinutes(m.medianMinutes)} · ${percent(m.firstAttemptFailureRate)}`}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <details className="chart-data">
        <summary>{productName}: the data behind the chart</summary>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{productName}: where reps stall</caption>
            <thead>
              <tr>
                <th scope="col">Module</th>
                <th scope="col">Reached</th>
                <th scope="col">Completed</th>
                <th scope="col">Median time to complete</th>
                <th scope="col">First-attempt failure rate</th>
              </tr>
            </thead>
            <tbody>
              {modules.map((m) => (
                <tr key={m.slug}>
                  <th scope="row">{m.title}</th>
                  <td>{m.reached}</td>
                  <td>{m.completed}</td>
                  <td>{formatMinutes(m.medianMinutes)}</td>
                  <td>
                    {percent(m.firstAttemptFailureRate)}
                    {m.firstAttempts ? (
                      <span className="muted small"> of {m.firstAttempts} answers</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
