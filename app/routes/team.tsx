import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgressBar } from "~/components/pitch-verdict";
import { StatusPill } from "~/components/status-pill";
import { loadCatalog } from "~/content/content.server";
import { getProductOverviews } from "~/models/dashboard.server";
import { getTeamLedBy } from "~/models/team.server";
import { listTeamMembers } from "~/models/user.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "My team · Firsthand" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = requireRole(request, ["manager"]);
  const team = getTeamLedBy({ managerId: manager.id });
  const reps = team ? listTeamMembers({ teamId: team.id }).filter((u) => u.role === "rep") : [];
  const products = await loadCatalog();
  return {
    teamName: team?.name ?? null,
    products: products.map((p) => ({ slug: p.slug, name: p.name })),
    reps: reps.map((rep) => ({
      id: rep.id,
      name: rep.name,
      email: rep.email,
      disabled: rep.disabled,
      products: getProductOverviews({ userId: rep.id, products }).map((o) => ({
        slug: o.slug,
        status: o.eligibility.status,
        cleared: o.eligibility.cleared,
        progress: o.progress,
        reasons: o.eligibility.reasons,
      })),
    })),
  };
}

export default function Team() {
  const { teamName, reps, products } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{teamName ?? "My team"}</h1>
        <p className="muted">
          {teamName
            ? `${reps.length} reps. Who is cleared to pitch which product, and how far along each track they are.`
            : "You do not lead a team yet. Ask an admin to assign one."}
        </p>
      </header>
      {reps.length ? (
        <section className="panel table-wrap" aria-label="Team status">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Rep</th>
                {products.map((p) => (
                  <th scope="col" key={p.slug}>
                    {p.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reps.map((rep) => (
                <tr key={rep.id} className={rep.disabled ? "row-muted" : undefined}>
                  <th scope="row">
                    {rep.name}
                    <br />
                    <span className="muted small">{rep.email}</span>
                  </th>
                  {rep.products.map((p) => (
                    <td key={p.slug} title={p.reasons.join(" ")}>
                      <div className="stack-sm">
                        <StatusPill status={p.status} />
                        <ProgressBar value={p.progress} label={`${rep.name}: ${p.slug} progress`} />
                        <span className="small muted">
                          {p.cleared ? "Cleared to pitch" : "Not cleared"}
                        </span>
                      </div>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
