import { Form, Link } from "@remix-run/react";
import { statusLabels, type CertificationStatus } from "~/models/certification-status";

/** One cell per product, in the order of the products shown. */
export type MatrixCellView = {
  status: CertificationStatus;
  progress: number;
  retakeNeeded: boolean;
};
export type MatrixRowView = {
  rep: { id: string; name: string; email: string; disabled: boolean; teamName: string | null };
  cells: MatrixCellView[];
};
type ProductView = { slug: string; name: string };

const tone: Record<CertificationStatus, string> = {
  not_started: "cell-not-started",
  in_progress: "cell-in-progress",
  certified: "cell-certified",
  refresh_due: "cell-refresh-due",
  lapsed: "cell-lapsed",
  expired: "cell-expired",
};

export function cellText(cell: Pick<MatrixCellView, "status" | "progress">) {
  return cell.status === "in_progress"
    ? `In progress ${Math.round(cell.progress * 100)}%`
    : statusLabels[cell.status];
}

export function ReadinessCellBadge({
  cell,
}: {
  cell: Pick<MatrixCellView, "status" | "progress">;
}) {
  return <span className={`matrix-cell ${tone[cell.status]}`}>{cellText(cell)}</span>;
}

export function ReadinessMatrix({
  rows,
  products,
  totals,
  sortLink,
  showTeam,
}: {
  rows: MatrixRowView[];
  products: ProductView[];
  totals: { productSlug: string; cleared: number; reps: number }[];
  /** The href that sorts by a key, toggling direction when it is the current one. */
  sortLink: (key: string) => {
    href: string;
    label: string;
    current: "ascending" | "descending" | "none";
  };
  showTeam: boolean;
}) {
  const name = sortLink("name");
  return (
    <table className="data-table responsive-table readiness-matrix">
      <thead>
        <tr>
          <th scope="col" aria-sort={name.current}>
            <Link to={name.href}>Rep{name.label}</Link>
          </th>
          {showTeam ? <th scope="col">Team</th> : null}
          {products.map((p) => {
            const sort = sortLink(p.slug);
            return (
              <th scope="col" key={p.slug} aria-sort={sort.current}>
                <Link to={sort.href}>
                  {p.name}
                  {sort.label}
                </Link>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.rep.id} className={row.rep.disabled ? "row-muted" : undefined}>
            <th scope="row">
              <Link to={`/team/reps/${row.rep.id}`}>{row.rep.name}</Link>
              {row.rep.disabled ? <span className="muted small"> (disabled)</span> : null}
              <br />
              <span className="muted small">{row.rep.email}</span>
            </th>
            {showTeam ? <td data-label="Team">{row.rep.teamName ?? "No team"}</td> : null}
            {row.cells.map((cell, i) => (
              <td key={products[i].slug} data-label={products[i].name}>
                <ReadinessCellBadge cell={cell} />
                {cell.retakeNeeded ? (
                  <Form method="post" className="matrix-retake stack-sm">
                    <span className="small">Track done below the pass mark.</span>
                    <input type="hidden" name="intent" value="grant-retake" />
                    <input type="hidden" name="repId" value={row.rep.id} />
                    <input type="hidden" name="product" value={products[i].slug} />
                    <button
                      type="submit"
                      className="button button-small"
                      aria-label={`Grant ${row.rep.name} a re-take of ${products[i].name}`}
                    >
                      Grant a re-take
                    </button>
                  </Form>
                ) : null}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Cleared to pitch</th>
          {showTeam ? <td /> : null}
          {totals.map((t, i) => (
            <td key={t.productSlug} data-label={products[i].name}>
              <strong>
                {t.cleared} of {t.reps}
              </strong>{" "}
              cleared to pitch
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
