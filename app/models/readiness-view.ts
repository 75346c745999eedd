import { z } from "zod";
import { certificationStatuses } from "./certification-status";

/** Pure: the matrix page's query string, read leniently. */

export const matrixPageSize = 50;

export const matrixQuery = z.object({
  status: z.enum(certificationStatuses).optional().catch(undefined),
  product: z.string().max(200).optional().catch(undefined),
  team: z.string().max(100).optional().catch(undefined),
  /** Part of a team's name, typed by an admin looking for one; the team shown stays `team`. */
  teamSearch: z.string().max(100).optional().catch(undefined),
  sort: z.string().max(200).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  /** The product whose journey the stall chart shows. */
  stalls: z.string().max(200).optional().catch(undefined),
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
