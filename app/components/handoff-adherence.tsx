import type { RepAdherence, TeamAdherence, WeekBar } from "~/models/handoff-adherence";

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
const hours = (value: number | null) =>
  value === null
    ? "—"
    : value < 48
      ? `${Math.round(value * 10) / 10} h`
      : `${Math.round(value / 24)} d`;

type Figures = Omit<RepAdherence, "repId" | "repName">;

function FigureCells({ row }: { row: Figures }) {
  return (
    <>
      <td data-label="Handoffs filed">{row.filed}</td>
      <td data-label="Every friction point discussed">{percent(row.allFrictionDiscussed)}</td>
      <td data-label="Acknowledged without questions">
        {percent(row.acknowledgedWithoutQuestions)}
      </td>
      <td data-label="Median time to acknowledgement">{hours(row.medianHoursToAcknowledge)}</td>
    </>
  );
}

/** Per rep, with each team's figures as a whole first. */
export function AdherenceTable({ reps, teams }: { reps: RepAdherence[]; teams: TeamAdherence[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table responsive-table" aria-label="Handoff adherence by team and rep">
        <thead>
          <tr>
            <th scope="col">Team or rep</th>
            <th scope="col">Handoffs filed</th>
            <th scope="col">Every friction point discussed</th>
            <th scope="col">Acknowledged without questions</th>
            <th scope="col">Median time to acknowledgement</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.teamName} data-team={t.teamName} className="row-total">
              <th scope="row">
                {t.teamName}{" "}
                <span className="muted small">
                  ({t.reps} {t.reps === 1 ? "rep" : "reps"})
                </span>
              </th>
              <FigureCells row={t} />
            </tr>
          ))}
          {reps.map((r) => (
            <tr key={r.repId} data-rep={r.repName}>
              <th scope="row">{r.repName}</th>
              <FigureCells row={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const barWidth = 36;
const gap = 14;
const height = 120;

/** Handoffs filed per week; the darker part is those with every friction point discussed. */
export function WeeklyHandoffChart({ bars }: { bars: WeekBar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.filed));
  const width = bars.length * (barWidth + gap) + gap;
  const scale = (n: number) => (n / max) * height;
  return (
    <figure className="handoff-chart">
      <svg
        viewBox={`0 0 ${width} ${height + 34}`}
        width={width}
        height={height + 34}
        role="img"
        aria-label={bars
          .map(
            (b) =>
              `Week of ${b.week}: ${b.filed} filed, ${b.allDiscussed} with every friction point discussed`,
          )
          .join("; ")}
      >
        {bars.map((b, i) => {
          const x = gap + i * (barWidth + gap);
          return (
            <g key={b.week}>
              <rect
                x={x}
                y={height - scale(b.filed)}
                width={barWidth}
                height={scale(b.filed)}
                className="handoff-bar-filed"
              />
              <rect
                x={x}
                y={height - scale(b.allDiscussed)}
                width={barWidth}
                height={scale(b.allDiscussed)}
                className="handoff-bar-discussed"
              />
              <text
                x={x + barWidth / 2}
                y={height + 14}
                textAnchor="middle"
                className="handoff-bar-label"
              >
                {b.week.slice(5)}
              </text>
              <text
                x={x + barWidth / 2}
                y={height + 28}
                textAnchor="middle"
                className="handoff-bar-label"
              >
                {b.filed}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">
        Handoffs filed per week (label: week starting, count). Dark: every friction point discussed.
      </figcaption>
    </figure>
  );
}
