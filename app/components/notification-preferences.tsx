import { Form, Link } from "@remix-run/react";
import type { NotificationKind } from "#db/schema";

export type PreferenceRow = {
  kind: NotificationKind;
  label: string;
  description: string;
  on: boolean;
};

export function NotificationPreferencesForm({ rows }: { rows: PreferenceRow[] }) {
  return (
    <Form method="post" className="stack" key={rows.map((r) => `${r.kind}:${r.on}`).join()}>
      <input type="hidden" name="intent" value="save-notifications" />
      <fieldset className="plain-fieldset">
        <legend className="small-heading">Notify me when</legend>
        <ul className="choice-list">
          {rows.map((row) => (
            <li key={row.kind} className="choice">
              <input
                type="checkbox"
                id={`kind-${row.kind}`}
                name="on"
                value={row.kind}
                defaultChecked={row.on}
                aria-describedby={`kind-${row.kind}-help`}
              />
              <label htmlFor={`kind-${row.kind}`}>{row.label}</label>
              <span id={`kind-${row.kind}-help`} className="small muted">
                {row.description}
              </span>
            </li>
          ))}
        </ul>
      </fieldset>
      <div>
        <button type="submit" className="button button-primary">
          Save
        </button>
      </div>
    </Form>
  );
}

export function DeliveryChannels({
  email,
  emailOn,
  teamSlack,
  managesTeam,
}: {
  email: string;
  emailOn: boolean;
  teamSlack: "on" | "off" | "no-team";
  managesTeam: boolean;
}) {
  return (
    <ul className="list small" aria-label="Where notifications go">
      <li>
        <strong>Email</strong>
        <span className="muted">
          {emailOn ? `to ${email}` : "Email is not set up on this Firsthand server yet."}
        </span>
      </li>
      <li>
        <strong>Slack</strong>
        <span className="muted">
          {teamSlack === "on"
            ? "Posted in your team's channel too."
            : teamSlack === "off"
              ? "Your team has no Slack channel connected."
              : "You are not in a team, so there is no team channel."}
        </span>
        {managesTeam ? <Link to="/team/notifications">Team Slack settings</Link> : null}
      </li>
    </ul>
  );
}
