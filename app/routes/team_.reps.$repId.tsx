import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RepTrack } from "~/components/rep-report";
import { loadCatalog } from "~/content/content.server";
import { getRepReport } from "~/models/rep-report.server";
import { getTeamById } from "~/models/team.server";
import { getUserById } from "~/models/user.server";
import readinessStyles from "~/styles/readiness.css?url";
import { requireRole } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";
import { requirePersonVisible } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.rep.name ?? "Rep"} · Firsthand` },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: readinessStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireRole(request, ["manager", "admin"]);
  const subject = getUserById({ id: params.repId ?? "" });
  // Another team's rep, or someone who is not a rep, is as unknown as a made-up id.
  const rep = requirePersonVisible({
    viewer,
    subject: subject?.role === "rep" && subject.id !== viewer.id ? subject : null,
  });
  const report = await getRepReport({ rep, products: await loadCatalog() });
  const team = rep.teamId ? getTeamById({ id: rep.teamId }) : null;
  return {
    rep: { id: rep.id, name: rep.name, email: rep.email, disabled: rep.disabled },
    teamName: team?.name ?? null,
    ...report,
  };
}

export default function RepPage() {
  const { rep, teamName, tracks, lastActivity } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <nav className="breadcrumb small" aria-label="Breadcrumb">
        <Link to="/team">{teamName ?? "Team"}</Link> / {rep.name}
      </nav>
      <header className="page-header">
        <h1>{rep.name}</h1>
        <p className="muted">
          {rep.email}
          {teamName ? ` · ${teamName}` : ""}
          {rep.disabled ? " · account disabled" : ""}
        </p>
        <p className="small">
          Last activity: {lastActivity ? formatDateTime(lastActivity) : "none yet"}
        </p>
      </header>
      {tracks.map((track) => (
        <RepTrack key={track.slug} track={track} />
      ))}
    </div>
  );
}
