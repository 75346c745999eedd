import { z } from "zod";
import { certificationStatuses, type CertificationStatus } from "./certification-status";
import type { ReadinessCell } from "./readiness";

/** Pure: what the matrix shows of the rows, from the page's query string. */

export const matrixPageSize = 50;

export const matrixQuery = z.object({
  status: z.enum(certificationStatuses).optional().catch(undefined),
  product: z.string().max(200).optional().catch(undefined),
  team: z.string().max(100).optional().catch(undefined),
  sort: z.string().max(200).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type MatrixQuery = z.infer<typeof matrixQuery>;

/** Reads the query string; anything unrecognised falls back to the default view. */
export function parseMatrixQuery(params: URLSearchParams): MatrixQuery {
  const raw = Object.fromEntries(
    [...params.entries()].filter(([, v]) => v !== "").map(([k, v]) => [k, v]),
  );
  return matrixQuery.parse(raw);
}

/** Worst first when sorting by status: what a manager must act on comes up top. */
const statusRank: Record<CertificationStatus, number> = {
  lapsed: 0,
  expired: 1,
  refresh_due: 2,
  in_progress: 3,
  not_started: 4,
  certified: 5,
};

type Row = { rep: { name: string; email: string }; cells: ReadinessCell[] };

export function selectMatrixRows<R extends Row>({
  rows,
  productSlugs,
  query,
  pageSize = matrixPageSize,
}: {
  rows: R[];
  productSlugs: string[];
  query: MatrixQuery;
  pageSize?: number;
}) {
  const column = query.product ? productSlugs.indexOf(query.product) : -1;
  const cellsOf = (r: R) => (column >= 0 ? [r.cells[column]] : r.cells);
  const filtered = query.status
    ? rows.filter((r) => cellsOf(r).some((c) => c.status === query.status))
    : rows;
  const sortColumn = query.sort ? productSlugs.indexOf(query.sort) : -1;
  const byName = (a: R, b: R) =>
    a.rep.name.localeCompare(b.rep.name) || a.rep.email.localeCompare(b.rep.email);
  const compare =
    sortColumn >= 0
      ? (a: R, b: R) => {
          const x = a.cells[sortColumn];
          const y = b.cells[sortColumn];
          return statusRank[x.status] - statusRank[y.status] || y.progress - x.progress;
        }
      : query.sort === "cleared"
        ? (a: R, b: R) =>
            b.cells.filter((c) => c.cleared).length - a.cells.filter((c) => c.cleared).length
        : () => 0;
  const sign = query.dir === "desc" ? -1 : 1;
  const sorted = [...filtered].sort((a, b) => sign * compare(a, b) || byName(a, b));
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(query.page ?? 1, pages);
  return {
    total: sorted.length,
    page,
    pages,
    rows: sorted.slice((page - 1) * pageSize, page * pageSize),
    column: column >= 0 ? column : null,
  };
}

/** "7 of 9 cleared to pitch", per product, over every rep in scope. */
export function clearedTotals({ rows, productSlugs }: { rows: Row[]; productSlugs: string[] }) {
  return productSlugs.map((slug, i) => ({
    productSlug: slug,
    cleared: rows.filter((r) => r.cells[i].cleared).length,
    reps: rows.length,
  }));
}
