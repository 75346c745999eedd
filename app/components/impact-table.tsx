import type { ImpactRow } from "~/models/change-impact.server";
import { formatDate } from "~/utils/dates";
import { StatusPill } from "./status-pill";

/** The reps a content change touches: who, their status now and after, and when they would lapse. */
export function ImpactTable({ rows, caption }: { rows: ImpactRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="data-table impact-table">
        <caption className="impact-caption">{caption}</caption>
        {rows.length ? (
          <>
            <thead>
              <tr>
                <th scope="col">Rep</th>
                <th scope="col">Email</th>
                <th scope="col">Now</th>
                <th scope="col">After</th>
                <th scope="col">Lapses</th>
                <th scope="col">To re-take</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.email}>
                  <td>{row.name}</td>
                  <td>{row.email}</td>
                  <td>
                    <StatusPill status={row.before} />
                  </td>
                  <td>
                    <StatusPill status={row.after} />
                  </td>
                  <td>
                    {formatDate(row.lapses)}
                    {row.lapsesBefore && row.lapsesBefore !== row.lapses ? (
                      <span className="small muted"> (was {formatDate(row.lapsesBefore)})</span>
                    ) : null}
                  </td>
                  <td>{row.modules.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </>
        ) : (
          <tbody>
            <tr>
              <td className="muted">No active certification is touched.</td>
            </tr>
          </tbody>
        )}
      </table>
    </div>
  );
}
