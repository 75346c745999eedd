import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdherenceTable, WeeklyHandoffChart } from "~/components/handoff-adherence";
import { loadCatalog } from "~/content/content.server";
import { adherenceByRep, adherenceByTeam, weeklyBars } from "~/models/handoff-adherence";
import { handoffStateLabels, needsMove } from "~/models/handoff-labels";
import { listAdherenceInputs, listHandoffsFor } from "~/models/handoff.server";
import { requireRole } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import handoffStyles from "~/styles/handoffs.css?url";

export const meta: MetaFunction = () => [{ title: "Handoffs · Firsthand" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: handoffStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireRole(request, ["rep", "csm", "manager", "admin"]);
  const rows = listHandoffsFor({ viewer });
  const productNames = new Map((await loadCatalog()).map((p) => [p.slug, p.name]));
  const items = rows.map(({ handoff, repName, csmName }) => ({
    id: handoff.id,
    accountName: handoff.accountName,
    productName: productNames.get(handoff.productSlug) ?? handoff.productSlug,
    state: handoff.state,
    repName,
    csmName,
    goLiveTarget: handoff.goLiveTarget,
    createdAt: handoff.createdAt.toISOString(),
    needsYou: needsMove({ ...handoff, viewerId: viewer.id }),
  }));
  // The CSM's queue: what waits for them first, oldest first.
  if (viewer.role === "csm") {
    items.sort((a, b) =>
      a.needsYou !== b.needsYou ? (a.needsYou ? -1 : 1) : a.createdAt.localeCompare(b.createdAt),
    );
  }
  const showAdherence = viewer.role === "manager" || viewer.role === "admin";
  const inputs = showAdherence ? listAdherenceInputs({ rows }) : [];
  return {
    role: viewer.role,
    items,
    adherence: showAdherence
      ? {
          reps: adherenceByRep(inputs),
          teams: adherenceByTeam(inputs),
          bars: weeklyBars(inputs),
        }
      : null,
  };
}

const intro: Record<string, string> = {
  rep: "Deals you handed to customer success, and what the CSM said.",
  csm: "Your queue: handoffs addressed to you, the ones waiting for you first.",
  manager: "Your team's handoffs to customer success, and how well they are done.",
  admin: "Every handoff to customer success.",
};

export default function Handoffs() {
  const { role, items, adherence } = useLoaderData<typeof loader>();
  const waiting = items.filter((i) => i.needsYou).length;
  return (
    <div className="stack-lg">
      <header className="page-header spread">
        <div>
          <h1>Handoffs</h1>
          <p className="muted">{intro[role]}</p>
        </div>
        {role === "rep" ? (
          <Link to="/handoffs/new" className="button button-primary">
            New handoff
          </Link>
        ) : null}
      </header>
      {waiting ? (
        <p className="banner banner-warning" role="status">
          {waiting === 1 ? "1 handoff needs you." : `${waiting} handoffs need you.`}
        </p>
      ) : null}
      <section className="panel" aria-labelledby="handoff-list-title">
        <h2 id="handoff-list-title" className="small-heading">
          {role === "csm" ? "Queue" : "Handoffs"} ({items.length})
        </h2>
        {items.length === 0 ? (
          <p className="muted">No handoffs yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table responsive-table">
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Rep → CSM</th>
                  <th scope="col">Go-live</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <Link to={`/handoffs/${item.id}`}>
                        <strong>{item.accountName}</strong>
                      </Link>
                      <br />
                      <span className="muted small">
                        {item.productName} · filed {formatDate(item.createdAt)}
                      </span>
                    </td>
                    <td data-label="Rep → CSM">
                      {item.repName} → {item.csmName}
                    </td>
                    <td data-label="Go-live">{formatDate(item.goLiveTarget)}</td>
                    <td data-label="State">
                      <span className={`pill ${handoffStateLabels[item.state].tone}`}>
                        {handoffStateLabels[item.state].label}
                      </span>
                      {item.needsYou ? <span className="pill pill-danger">Needs you</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {adherence ? (
        <section className="panel stack" aria-labelledby="adherence-title">
          <h2 id="adherence-title" className="small-heading">
            Adherence
          </h2>
          {adherence.reps.length === 0 ? (
            <p className="muted">No handoffs filed yet.</p>
          ) : (
            <>
              <AdherenceTable reps={adherence.reps} teams={adherence.teams} />
              <WeeklyHandoffChart bars={adherence.bars} />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
