import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notificationKinds } from "#db/schema";
import { ActionResult } from "~/components/action-result";
import {
  DeliveryChannels,
  NotificationPreferencesForm,
} from "~/components/notification-preferences";
import { notificationKindLabels, notificationKindsFor } from "~/models/notification-kinds";
import {
  listNotificationOptOuts,
  setNotificationPreferences,
} from "~/models/notification-preference.server";
import { getTeamById, getTeamLedBy } from "~/models/team.server";
import { requireUser } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { parseFormFields, requireFormData } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Notifications · Firsthand" }];

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const off = listNotificationOptOuts({ userId: user.id });
  const team = user.teamId ? getTeamById({ id: user.teamId }) : null;
  return {
    email: user.email,
    emailOn: Boolean(getEnv().SMTP_URL),
    teamSlack: !team
      ? ("no-team" as const)
      : team.slackWebhookUrl
        ? ("on" as const)
        : ("off" as const),
    managesTeam:
      user.role === "admin" ||
      (user.role === "manager" && getTeamLedBy({ managerId: user.id }) !== null),
    rows: notificationKindsFor(user.role).map((kind) => ({
      kind,
      ...notificationKindLabels[kind],
      on: !off.includes(kind),
    })),
  };
}

const schema = z.object({
  intent: z.literal("save-notifications", { errorMap: () => ({ message: "Unknown action." }) }),
  on: z.array(
    z.enum(notificationKinds, { errorMap: () => ({ message: "Unknown notification." }) }),
  ),
});

type SaveResult = { error?: string; notice?: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const form = await requireFormData(request);
  const parsed = parseFormFields(schema, {
    intent: form.get("intent") ?? undefined,
    on: form.getAll("on"),
  });
  if (!parsed.ok) return data<SaveResult>({ error: parsed.message }, { status: 400 });
  const kinds = notificationKindsFor(user.role);
  const foreign = parsed.data.on.find((kind) => !kinds.includes(kind));
  if (foreign) {
    return data<SaveResult>(
      { error: `“${notificationKindLabels[foreign].label}” does not apply to your role.` },
      { status: 400 },
    );
  }
  setNotificationPreferences({ userId: user.id, kinds, enabled: parsed.data.on });
  const on = kinds.filter((kind) => parsed.data.on.includes(kind)).length;
  return data<SaveResult>({
    notice:
      on === kinds.length
        ? "Saved: you get every notification."
        : on === 0
          ? "Saved: you get no notifications."
          : `Saved: you get ${on} of ${kinds.length} notifications.`,
  });
}

export default function NotificationSettings() {
  const { rows, ...channels } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack-lg narrow">
      <header className="page-header">
        <h1>Notifications</h1>
        <p className="muted">
          Choose what Firsthand tells you about. Turning one off stops its email and its message in
          your team&apos;s Slack channel.
        </p>
      </header>
      <ActionResult error={result?.error} notice={result?.notice} />
      <section className="panel stack" aria-label="Notification settings">
        {rows.length ? (
          <NotificationPreferencesForm rows={rows} />
        ) : (
          <p className="muted">Firsthand sends no notifications to your role.</p>
        )}
      </section>
      <section className="panel stack-sm" aria-labelledby="channels-title">
        <h2 id="channels-title" className="small-heading">
          Where they go
        </h2>
        <DeliveryChannels {...channels} />
      </section>
    </div>
  );
}
