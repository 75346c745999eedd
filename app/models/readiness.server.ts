import { sql, type SQL } from "drizzle-orm";
import { getDb } from "~/utils/db.server";
import type { CertificationStatus } from "./certification-status";
import { matrixPageSize, type MatrixQuery } from "./readiness-view";
import { exactAggregateFor, type ReadinessScope } from "./rep-scope.server";

// The matrix, its totals and what is due, read from `rep_statuses`, which every submission, grant
// and sweep keeps current: a few indexed queries whatever the size of the organisation, with only
// the page shown ever leaving the database.

export type ReadinessRep = {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
  teamId: string | null;
  teamName: string | null;
};

export type ReadinessCell = {
  productSlug: string;
  status: CertificationStatus;
  cleared: boolean;
  /** Share of the current track complete, 0–1. */
  progress: number;
  /** Track done below the pass mark: a manager may grant a re-take. */
  retakeNeeded: boolean;
};

export type ReadinessRow = { rep: ReadinessRep; cells: ReadinessCell[] };

const clearedStatuses = sql`('certified', 'refresh_due')`;

/** Worst first when sorting by status: what a manager must act on comes up top. */
const statusRank = (column: SQL) => sql`CASE coalesce(${column}, 'not_started')
  WHEN 'lapsed' THEN 0 WHEN 'expired' THEN 1 WHEN 'refresh_due' THEN 2
  WHEN 'in_progress' THEN 3 WHEN 'not_started' THEN 4 ELSE 5 END`;

function inScope(scope: ReadinessScope) {
  return "teamId" in scope
    ? sql`u.role = 'rep' AND u.team_id = ${scope.teamId}`
    : sql`u.role = 'rep'`;
}

/**
 * Reps with the status asked for. A team's few reps are each looked up; across the organisation
 * the (product, status) index gives the matching reps at once.
 */
function matrixFilter({
  scope,
  query,
  slugs,
}: {
  scope: ReadinessScope;
  query: MatrixQuery;
  slugs: string[];
}) {
  if (!query.status) return sql``;
  const team = "teamId" in scope;
  if (query.status === "not_started") {
    // A pair nobody has started has no row, or one saying so.
    return team
      ? sql`AND (SELECT count(*) FROM rep_statuses r WHERE r.user_id = u.id
          AND r.product_slug IN ${slugs} AND r.status <> 'not_started') < ${slugs.length}`
      : sql`AND u.id NOT IN (SELECT user_id FROM rep_statuses
          WHERE product_slug IN ${slugs} AND status <> 'not_started'
          GROUP BY user_id HAVING count(*) = ${slugs.length})`;
  }
  return team
    ? sql`AND EXISTS (SELECT 1 FROM rep_statuses r WHERE r.user_id = u.id
        AND r.product_slug IN ${slugs} AND r.status = ${query.status})`
    : sql`AND u.id IN (SELECT user_id FROM rep_statuses
        WHERE product_slug IN ${slugs} AND status = ${query.status})`;
}

/** Joins and order for the sort asked for; names break ties, so pages never overlap. */
function matrixOrder({ query, productSlugs }: { query: MatrixQuery; productSlugs: string[] }) {
  const desc = query.dir === "desc";
  if (query.sort && productSlugs.includes(query.sort)) {
    const rank = statusRank(sql`s.status`);
    return {
      join: sql`LEFT JOIN rep_statuses s ON s.user_id = u.id AND s.product_slug = ${query.sort}`,
      order: desc
        ? sql`${rank} DESC, coalesce(s.progress, 0), u.name, u.email`
        : sql`${rank}, coalesce(s.progress, 0) DESC, u.name, u.email`,
    };
  }
  if (query.sort === "cleared" && productSlugs.length) {
    return {
      join: sql`LEFT JOIN (SELECT user_id, count(*) AS n FROM rep_statuses
        WHERE product_slug IN ${productSlugs} AND status IN ${clearedStatuses}
        GROUP BY user_id) c ON c.user_id = u.id`,
      order: desc
        ? sql`coalesce(c.n, 0), u.name, u.email`
        : sql`coalesce(c.n, 0) DESC, u.name, u.email`,
    };
  }
  return { join: sql``, order: desc ? sql`u.name DESC, u.email DESC` : sql`u.name, u.email` };
}

/**
 * Rows of reps in scope, counted from an index alone: a team's reps' rows, or, for everyone,
 * every row but those of the few people who are not reps.
 */
function rowsInScope(scope: ReadinessScope) {
  return "teamId" in scope
    ? sql`user_id IN (SELECT id FROM users u WHERE ${inScope(scope)})`
    : sql`user_id NOT IN (SELECT id FROM users u WHERE NOT (${inScope(scope)}))`;
}

type RepRow = Omit<ReadinessRep, "disabled"> & { disabled: number };

function readRows({
  scope,
  productSlugs,
  query,
  limit,
  offset,
}: {
  scope: ReadinessScope;
  productSlugs: string[];
  query: MatrixQuery;
  limit: number;
  offset: number;
}): ReadinessRow[] {
  const db = getDb();
  const slugs = query.product ? [query.product] : productSlugs;
  const { join, order } = matrixOrder({ query, productSlugs });
  const reps = db.all<RepRow>(sql`
    SELECT u.id, u.name, u.email, u.disabled, u.team_id AS teamId, t.name AS teamName
    FROM users u LEFT JOIN teams t ON t.id = u.team_id ${join}
    WHERE ${inScope(scope)} ${slugs.length ? matrixFilter({ scope, query, slugs }) : sql``}
    ORDER BY ${order}
    LIMIT ${limit} OFFSET ${offset}`);
  if (reps.length === 0 || productSlugs.length === 0) {
    return reps.map((rep) => ({ rep: { ...rep, disabled: Boolean(rep.disabled) }, cells: [] }));
  }
  const stored = new Map(
    db
      .all<{
        userId: string;
        productSlug: string;
        status: CertificationStatus;
        progress: number | null;
        retakeNeeded: number;
      }>(
        sql`SELECT user_id AS userId, product_slug AS productSlug, status, progress,
          retake_needed AS retakeNeeded
        FROM rep_statuses WHERE user_id IN ${reps.map((r) => r.id)}`,
      )
      .map((s) => [`${s.userId}\u0000${s.productSlug}`, s]),
  );
  return reps.map((rep) => ({
    rep: { ...rep, disabled: Boolean(rep.disabled) },
    cells: productSlugs.map((productSlug) => {
      const s = stored.get(`${rep.id}\u0000${productSlug}`);
      const status = s?.status ?? "not_started";
      return {
        productSlug,
        status,
        cleared: status === "certified" || status === "refresh_due",
        progress: s?.progress ?? 0,
        retakeNeeded: Boolean(s?.retakeNeeded),
      };
    }),
  }));
}

export function countMatrixRows({
  scope,
  productSlugs,
  query,
}: {
  scope: ReadinessScope;
  productSlugs: string[];
  query: MatrixQuery;
}): number {
  const slugs = query.product ? [query.product] : productSlugs;
  if (!query.status || !slugs.length) return countRepsInScope(scope);
  // Paging through a filter asks the same count again: kept until the next write.
  return exactAggregateFor(
    scope,
    `matching:${query.status}:${slugs.join(",")}`,
    () =>
      getDb().get<{ n: number }>(sql`SELECT count(*) AS n FROM users u
        WHERE ${inScope(scope)} ${matrixFilter({ scope, query, slugs })}`)?.n ?? 0,
  );
}

function countRepsInScope(scope: ReadinessScope) {
  return exactAggregateFor(
    scope,
    "reps",
    () =>
      getDb().get<{ n: number }>(sql`SELECT count(*) AS n FROM users u WHERE ${inScope(scope)}`)
        ?.n ?? 0,
  );
}

/** One page of the matrix, filtered and sorted as the query asks. */
export function getMatrixPage({
  scope,
  productSlugs,
  query,
  pageSize = matrixPageSize,
}: {
  scope: ReadinessScope;
  productSlugs: string[];
  query: MatrixQuery;
  pageSize?: number;
}) {
  const known = !query.product || productSlugs.includes(query.product);
  const effective = known ? query : { ...query, product: undefined };
  const total = countMatrixRows({ scope, productSlugs, query: effective });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page ?? 1, pages);
  const rows = readRows({
    scope,
    productSlugs,
    query: effective,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const column = effective.product ? productSlugs.indexOf(effective.product) : -1;
  return { total, page, pages, rows, column: column >= 0 ? column : null };
}

/** Every row of the matrix in the page's order, a chunk at a time (for the CSV export). */
export function* eachMatrixRow({
  scope,
  productSlugs,
  query,
  chunk = 500,
}: {
  scope: ReadinessScope;
  productSlugs: string[];
  query: MatrixQuery;
  chunk?: number;
}): Generator<ReadinessRow> {
  for (let offset = 0; ; offset += chunk) {
    const rows = readRows({ scope, productSlugs, query, limit: chunk, offset });
    yield* rows;
    if (rows.length < chunk) return;
  }
}

/** "7 of 9 cleared to pitch", per product, over every rep in scope. */
export function getClearedTotals({
  scope,
  productSlugs,
}: {
  scope: ReadinessScope;
  productSlugs: string[];
}) {
  return exactAggregateFor(scope, `cleared:${productSlugs.join(",")}`, () =>
    countCleared({ scope, productSlugs }),
  );
}

function countCleared({ scope, productSlugs }: { scope: ReadinessScope; productSlugs: string[] }) {
  const db = getDb();
  const reps = countRepsInScope(scope);
  const whose = rowsInScope(scope);
  const cleared = new Map(
    productSlugs.length
      ? db
          .all<{ productSlug: string; n: number }>(
            sql`SELECT product_slug AS productSlug, count(*) AS n FROM rep_statuses
            WHERE product_slug IN ${productSlugs} AND status IN ${clearedStatuses}
              AND ${whose}
            GROUP BY product_slug`,
          )
          .map((r) => [r.productSlug, r.n])
      : [],
  );
  return {
    reps,
    perProduct: productSlugs.map((slug) => ({
      productSlug: slug,
      cleared: cleared.get(slug) ?? 0,
      reps,
    })),
  };
}

export type DueStatusRow = {
  rep: { id: string; name: string; email: string; teamName: string | null };
  productSlug: string;
  status: CertificationStatus;
  refreshDeadline: Date | null;
  expiresAt: Date | null;
  refreshModules: string[];
};

function dueParts({ now, until }: { now: Date; until: Date }) {
  const from = now.getTime();
  const to = until.getTime();
  return {
    lapsing: sql`status = 'refresh_due' AND refresh_deadline > ${from} AND refresh_deadline <= ${to}`,
    expiring: sql`expires_at > ${from} AND expires_at <= ${to} AND status IN ${clearedStatuses}`,
  };
}

type DueRow = {
  id: string;
  name: string;
  email: string;
  teamName: string | null;
  productSlug: string;
  status: CertificationStatus;
  refreshDeadline: number | null;
  expiresAt: number | null;
  refreshModules: string;
};

/**
 * Standings whose refresh deadline or expiry falls between now and `until`; with `limit`, at
 * least the `limit` soonest of each kind, which is all a page shows.
 */
export function listDueStatuses({
  scope,
  now,
  until,
  limit,
}: {
  scope: ReadinessScope;
  now: Date;
  until: Date;
  limit?: number;
}): DueStatusRow[] {
  const { lapsing, expiring } = dueParts({ now, until });
  const read = (where: SQL, dateColumn: SQL) =>
    getDb().all<DueRow>(
      sql`SELECT u.id, u.name, u.email, t.name AS teamName, r.product_slug AS productSlug,
        r.status, r.refresh_deadline AS refreshDeadline, r.expires_at AS expiresAt,
        r.refresh_modules AS refreshModules
      FROM rep_statuses r JOIN users u ON u.id = r.user_id LEFT JOIN teams t ON t.id = u.team_id
      WHERE ${where} AND ${inScope(scope)}
      ${limit === undefined ? sql`` : sql`ORDER BY ${dateColumn} LIMIT ${limit}`}`,
    );
  const rows = new Map<string, DueRow>();
  for (const r of [...read(lapsing, sql`r.refresh_deadline`), ...read(expiring, sql`r.expires_at`)])
    rows.set(`${r.id}\u0000${r.productSlug}`, r);
  return [...rows.values()].map((r) => ({
    rep: { id: r.id, name: r.name, email: r.email, teamName: r.teamName },
    productSlug: r.productSlug,
    status: r.status,
    refreshDeadline: r.refreshDeadline === null ? null : new Date(r.refreshDeadline),
    expiresAt: r.expiresAt === null ? null : new Date(r.expiresAt),
    refreshModules: JSON.parse(r.refreshModules) as string[],
  }));
}

/** How many due items `listDueSoon` makes of every standing due in the window. */
export function countDue({ scope, now, until }: { scope: ReadinessScope; now: Date; until: Date }) {
  // The window moves with the clock: counted again each minute even when nothing was written.
  const minute = Math.floor(now.getTime() / 60_000);
  return exactAggregateFor(scope, `due:${minute}:${until.getTime() - now.getTime()}`, () =>
    countDueNow({ scope, now, until }),
  );
}

function countDueNow({ scope, now, until }: { scope: ReadinessScope; now: Date; until: Date }) {
  const { lapsing, expiring } = dueParts({ now, until });
  const count = (where: SQL) =>
    getDb().get<{ n: number }>(
      sql`SELECT count(*) AS n FROM rep_statuses WHERE ${where} AND ${rowsInScope(scope)}`,
    )?.n ?? 0;
  return count(lapsing) + count(expiring);
}
