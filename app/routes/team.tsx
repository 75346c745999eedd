import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getTeamLedBy } from "~/models/team.server";
import { listTeamMembers } from "~/models/user.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "My team · Firsthand" }];

export function loader({ request }: LoaderFunctionArgs) {
  const manager = requireRole(request, ["manager"]);
  const team = getTeamLedBy({ managerId: manager.id });
  const reps = team ? listTeamMembers({ teamId: team.id }).filter((u) => u.role === "rep") : [];
  return {
    teamName: team?.name ?? null,
    reps: reps.map((r) => ({ id: r.id, name: r.name, email: r.email, disabled: r.disabled })),
  };
}

export default function Team() {
  const { teamName, reps } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{teamName ?? "My team"}</h1>
        <p className="muted">
          {teamName
            ? `${reps.length} reps on your team.`
            : "You do not lead a team yet. Ask an admin to assign one."}
        </p>
      </header>
      {reps.length ? (
        <section className="panel" aria-label="Reps">
          <ul className="list">
            {reps.map((rep) => (
              <li key={rep.id}>
                <strong>{rep.name}</strong> <span className="muted">{rep.email}</span>
                {rep.disabled ? <span className="pill pill-danger">Disabled</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
