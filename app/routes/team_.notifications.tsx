import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { Team, User } from "#db/schema";
import { ActionResult } from "~/components/action-result";
import { SlackWebhookForm, TeamPicker } from "~/components/team-slack-settings";
import { slackTestMessage } from "~/integrations/notification-messages";
import { sendSlack } from "~/integrations/slack-sender.server";
import { slackWebhookUrl } from "~/integrations/slack-webhook-url";
import { getTeamById, getTeamLedBy, listTeams, setTeamSlackWebhookUrl } from "~/models/team.server";
import { requireRole } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Team notifications · Firsthand" }];

const roles = ["manager", "admin"] as const;

/** A manager reaches only the team they lead; an admin any team. 404 keeps team ids unprobeable. */
function requireTeamAccess({ user, teamId }: { user: User; teamId: string }): Team {
  const team =
    user.role === "admin" ? getTeamById({ id: teamId }) : getTeamLedBy({ managerId: user.id });
  if (!team || team.id !== teamId) throw new Response("Not found", { status: 404 });
  return team;
}

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, roles);
  const teams = user.role === "admin" ? listTeams() : [];
  const asked = new URL(request.url).searchParams.get("team");
  const team =
    user.role === "admin"
      ? asked
        ? requireTeamAccess({ user, teamId: asked })
        : (teams[0] ?? null)
      : getTeamLedBy({ managerId: user.id });
  return {
    isAdmin: user.role === "admin",
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    team: team ? { id: team.id, name: team.name, slackWebhookUrl: team.slackWebhookUrl } : null,
  };
}

const teamId = z.string().min(1).max(100);
const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save-slack"),
    teamId,
    url: z.union([z.literal(""), slackWebhookUrl]),
  }),
  z.object({ intent: z.literal("test-slack"), teamId }),
]);

type SlackResult = { error?: string; notice?: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, roles);
  const parsed = parseFormFields(actionSchema, formFields(await requireFormData(request)));
  if (!parsed.ok) return data<SlackResult>({ error: parsed.message }, { status: 400 });
  const input = parsed.data;
  const team = requireTeamAccess({ user, teamId: input.teamId });
  if (input.intent === "save-slack") {
    setTeamSlackWebhookUrl({ teamId: team.id, url: input.url || null });
    return data<SlackResult>({
      notice: input.url
        ? `Saved. Notifications for ${team.name} now go to this Slack channel too; send a test message to check it.`
        : `Removed. Firsthand no longer posts to Slack for ${team.name}.`,
    });
  }
  if (!team.slackWebhookUrl) {
    return data<SlackResult>({ error: "Save a webhook URL first." }, { status: 409 });
  }
  const result = await sendSlack({
    target: team.slackWebhookUrl,
    payload: JSON.stringify(slackTestMessage({ appUrl: getEnv().APP_URL, teamName: team.name })),
  });
  return result.ok
    ? data<SlackResult>({
        notice: `Slack accepted the test message (HTTP ${result.status}). Look for it in the channel.`,
      })
    : data<SlackResult>(
        { error: `The test message did not get through. ${result.error ?? ""}`.trim() },
        { status: 502 },
      );
}

export default function TeamNotifications() {
  const { isAdmin, teams, team } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack-lg narrow">
      {isAdmin ? null : (
        <nav aria-label="Breadcrumb" className="breadcrumb small">
          <Link to="/team">My team</Link> / Notifications
        </nav>
      )}
      <header className="page-header">
        <h1>Team notifications</h1>
        <p className="muted">
          Post your team&apos;s certification news to a Slack channel.{" "}
          <Link to="/settings/notifications">Your own notifications</Link> are set separately.
        </p>
      </header>
      {teams.length && team ? <TeamPicker teams={teams} selectedId={team.id} /> : null}
      <ActionResult error={result?.error} notice={result?.notice} />
      {team ? (
        <SlackWebhookForm team={team} />
      ) : (
        <p className="panel muted">
          {isAdmin
            ? "There are no teams yet. Add one on People & teams."
            : "You do not lead a team yet. Ask an admin to assign one."}
        </p>
      )}
    </div>
  );
}
