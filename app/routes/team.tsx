import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ActionResult } from "~/components/action-result";
import { DueSoonList, type DueItemView } from "~/components/due-soon-list";
import {
  ReadinessMatrix,
  type MatrixCellView,
  type MatrixRowView,
} from "~/components/readiness-matrix";
import { SelectField } from "~/components/select-field";
import { StallChart } from "~/components/stall-chart";
import { TeamSearch } from "~/components/team-search";
import { loadCatalog, requireProduct } from "~/content/content.server";
import { certificationStatuses, statusLabels } from "~/models/certification-status";
import { sendManualReminder } from "~/models/manual-reminder.server";
import type { ReadinessCell, ReadinessRow } from "~/models/readiness.server";
import { parseMatrixQuery } from "~/models/readiness-view";
import { grantRetake } from "~/models/retake.server";
import { getTeamOverview } from "~/models/team-overview.server";
import { getUserById } from "~/models/user.server";
import readinessStyles from "~/styles/readiness.css?url";
import { requireRole } from "~/utils/auth.server";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";
import { requirePersonVisible } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Team readiness · Firsthand" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: readinessStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireRole(request, ["manager", "admin"]);
  const query = parseMatrixQuery(new URL(request.url).searchParams);
  const overview = getTeamOverview({ viewer, query, products: await loadCatalog() });
  return {
    role: viewer.role,
    query,
    ...overview,
    team: overview.team ? { id: overview.team.id, name: overview.team.name } : null,
    page: { ...overview.page, rows: overview.page.rows.map(toRowView) },
    due: overview.due.map((d): DueItemView => ({
      rep: { id: d.rep.id, name: d.rep.name },
      productSlug: d.productSlug,
      productName: d.productName,
      kind: d.kind,
      due: d.due.toISOString(),
      daysLeft: d.daysLeft,
      modules: d.modules.map((m) => m.title),
    })),
  };
}

// Cells line up with `products`, and only what a cell shows leaves the server. Equal cells are one
// object: the loader's encoding writes an object it has seen as a reference, so a page of a
// thousand cells sends each kind (status, percent, re-take) once.
const cellViews = new Map<string, MatrixCellView>();
function toCellView({ status, progress, retakeNeeded }: ReadinessCell): MatrixCellView {
  const percent = Math.round(progress * 100);
  const key = `${status}:${percent}:${retakeNeeded}`;
  let view = cellViews.get(key);
  if (!view) {
    view = { status, progress: percent / 100, retakeNeeded };
    cellViews.set(key, view);
  }
  return view;
}

function toRowView({ rep, cells }: ReadinessRow): MatrixRowView {
  const { id, name, email, disabled, teamName } = rep;
  return { rep: { id, name, email, disabled, teamName }, cells: cells.map(toCellView) };
}

const actionSchema = z.object({
  intent: z.enum(["grant-retake", "remind"], { errorMap: () => ({ message: "Unknown action." }) }),
  repId: z.string().min(1).max(100),
  product: z.string().min(1).max(200),
});

type ActionOutcome = { error?: string; notice?: string };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireRole(request, ["manager", "admin"]);
  const parsed = parseFormFields(actionSchema, formFields(await requireFormData(request)));
  if (!parsed.ok) return data<ActionOutcome>({ error: parsed.message }, { status: 400 });
  const rep = requirePersonVisible({ viewer, subject: getUserById({ id: parsed.data.repId }) });
  if (rep.id === viewer.id) {
    return data<ActionOutcome>({ error: "You cannot do that for yourself." }, { status: 403 });
  }
  const product = await requireProduct({ productSlug: parsed.data.product });
  if (parsed.data.intent === "remind") {
    const sent = sendManualReminder({ rep, product });
    if (!sent.ok) return data<ActionOutcome>({ error: sent.message }, { status: sent.status });
    return data<ActionOutcome>({
      notice: `${rep.name} will be reminded about ${product.name} by email and the team's Slack channel, as they have chosen.`,
    });
  }
  const result = grantRetake({ userId: rep.id, product, grantedById: viewer.id });
  if (!result.ok) return data<ActionOutcome>({ error: result.message }, { status: 409 });
  return data<ActionOutcome>({
    notice: `${rep.name} may now re-take ${product.name}; their first attempts count again from now.`,
  });
}

export default function Team() {
  const {
    role,
    query,
    team,
    teamMatches,
    hasScope,
    repCount,
    products,
    totals,
    page,
    due,
    dueCount,
    stallSummary,
    stalls,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    const s = next.toString();
    return s ? `?${s}` : "?";
  };
  const sortLink = (key: string) => {
    const current = (query.sort ?? "name") === key;
    const dir = current && query.dir !== "desc" ? "desc" : "asc";
    return {
      href: withParams({ sort: key, dir, page: null }),
      label: current ? (query.dir === "desc" ? " ▼" : " ▲") : "",
      current: current
        ? query.dir === "desc"
          ? ("descending" as const)
          : ("ascending" as const)
        : ("none" as const),
    };
  };
  const shown = page.column === null ? products : [products[page.column]];
  const shownTotals = page.column === null ? totals : [totals[page.column]];
  const rows =
    page.column === null
      ? page.rows
      : page.rows.map((r) => ({ ...r, cells: [r.cells[page.column!]] }));
  const title = team?.name ?? (role === "admin" ? "Every team" : "My team");
  const exportParams = new URLSearchParams(params);
  exportParams.delete("page");
  exportParams.delete("teamSearch");
  const searchKeeps = Object.fromEntries(
    [...params].filter(([k, v]) => v && k !== "teamSearch" && k !== "page"),
  );
  const exportQuery = exportParams.size ? `&${exportParams}` : "";
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{title}</h1>
        <p className="muted">
          {hasScope
            ? `${repCount} reps. Who is cleared to pitch which product, what is due and where reps stall.`
            : role === "admin"
              ? "No team matches that filter."
              : "You do not lead a team yet. Ask an admin to assign one."}
        </p>
        <p className="small spread-links">
          {team && role === "manager" ? (
            <Link to="/team/notifications">Slack notifications for {team.name}</Link>
          ) : null}
          {hasScope ? (
            <>
              <a href={`/team/export.csv?kind=matrix${exportQuery}`} download>
                Download the matrix (CSV)
              </a>
              <a href={`/team/export.csv?kind=due${exportQuery}`} download>
                Due soon (CSV)
              </a>
              <a href={`/team/export.csv?kind=reps${exportQuery}`} download>
                Rep list (CSV)
              </a>
            </>
          ) : null}
        </p>
      </header>
      <ActionResult error={result?.error} notice={result?.notice} />
      <section className="panel stack" aria-labelledby="matrix-title">
        <h2 id="matrix-title">Readiness</h2>
        {role === "admin" ? (
          <TeamSearch
            team={team}
            text={query.teamSearch ?? ""}
            matches={teamMatches}
            keep={searchKeeps}
            teamHref={(id) => withParams({ team: id, teamSearch: null, page: null })}
            everyTeamHref={withParams({ team: null, page: null })}
          />
        ) : null}
        <Form method="get" className="matrix-filters" aria-label="Filter the matrix">
          {team && role === "admin" ? <input type="hidden" name="team" value={team.id} /> : null}
          <SelectField
            label="Product"
            name="product"
            anyLabel="Every product"
            defaultValue={query.product}
            options={products.map((p) => ({ value: p.slug, label: p.name }))}
          />
          <SelectField
            label="Status"
            name="status"
            anyLabel="Any status"
            defaultValue={query.status}
            options={certificationStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
          />
          {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
          {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
          <button type="submit" className="button button-small">
            Show
          </button>
          {params.toString() ? (
            <Link to="?" className="small">
              Clear
            </Link>
          ) : null}
        </Form>
        <p className="muted small" aria-live="polite">
          {page.total === repCount
            ? `${page.total} reps`
            : `${page.total} of ${repCount} reps match`}
          {page.pages > 1 ? ` · page ${page.page} of ${page.pages}` : ""}
        </p>
        {rows.length ? (
          <div className="table-wrap">
            <ReadinessMatrix
              rows={rows}
              products={shown}
              totals={shownTotals}
              sortLink={sortLink}
              showTeam={role === "admin" && !team}
            />
          </div>
        ) : hasScope ? (
          <p className="muted">No rep matches these filters.</p>
        ) : null}
        {page.pages > 1 ? (
          <nav className="pagination" aria-label="Matrix pages">
            {page.page > 1 ? (
              <Link to={withParams({ page: String(page.page - 1) })} rel="prev">
                ← Previous
              </Link>
            ) : null}
            <span>
              Page {page.page} of {page.pages}
            </span>
            {page.page < page.pages ? (
              <Link to={withParams({ page: String(page.page + 1) })} rel="next">
                Next →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
      {hasScope ? (
        <section className="panel stack" aria-labelledby="due-title">
          <h2 id="due-title">Due in the next 30 days</h2>
          <DueSoonList items={due} canRemind />
          {dueCount > due.length ? (
            <p className="small muted">
              The {due.length} soonest of {dueCount}.{" "}
              <a href={`/team/export.csv?kind=due${exportQuery}`} download>
                Every item (CSV)
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
      {hasScope ? (
        <section className="stack" aria-labelledby="stalls-title">
          <h2 id="stalls-title">Where reps stall</h2>
          <p className="muted small">
            For each module: reps who opened it (light) and completed it (dark), the median time
            from first open to completion, and the share of first answers to its questions that were
            wrong.
          </p>
          {stalls.map((s) => (
            <div key={s.productSlug} className="panel stack-sm">
              <h3>{s.productName}</h3>
              <StallChart productName={s.productName} modules={s.modules} stuckSlug={s.stuckSlug} />
            </div>
          ))}
          {products.length > 1 ? (
            <nav aria-label="Journeys" className="panel stack-sm">
              <h3>Other journeys</h3>
              <ul className="stall-summary">
                {products
                  .filter((p) => p.slug !== stalls[0]?.productSlug)
                  .map((p) => {
                    const worst = stallSummary.find((s) => s.productSlug === p.slug);
                    return (
                      <li key={p.slug}>
                        <Link to={withParams({ stalls: p.slug }) + "#stalls-title"}>{p.name}</Link>
                        <span className="muted small">
                          {worst
                            ? ` · ${worst.stuck} of ${worst.reached} stuck at ${worst.module.title}`
                            : " · nobody stuck"}
                        </span>
                      </li>
                    );
                  })}
              </ul>
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
