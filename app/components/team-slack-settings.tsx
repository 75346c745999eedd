import { Form } from "@remix-run/react";

type TeamRef = { id: string; name: string };

export function TeamPicker({ teams, selectedId }: { teams: TeamRef[]; selectedId: string }) {
  return (
    <Form method="get" className="inline-form" aria-label="Choose a team">
      <label htmlFor="team-picker">Team</label>
      <select id="team-picker" name="team" defaultValue={selectedId}>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-small">
        Show
      </button>
    </Form>
  );
}

export function SlackWebhookForm({ team }: { team: TeamRef & { slackWebhookUrl: string | null } }) {
  return (
    <section className="panel stack" aria-labelledby="slack-title">
      <h2 id="slack-title">{`Slack channel for ${team.name}`}</h2>
      <p className="muted small">
        In Slack, add an app with <strong>Incoming Webhooks</strong> to the channel your team reads,
        then paste its webhook URL here. Firsthand posts there when a rep&apos;s refresh is due,
        when a certification is earned or lapses, and your weekly digest. People who turn a
        notification off are left out of the channel too.
      </p>
      <Form method="post" className="stack" key={team.slackWebhookUrl ?? ""}>
        <input type="hidden" name="intent" value="save-slack" />
        <input type="hidden" name="teamId" value={team.id} />
        <div className="field">
          <label htmlFor="slack-url">Incoming-webhook URL</label>
          <input
            id="slack-url"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            defaultValue={team.slackWebhookUrl ?? ""}
            placeholder="https://hooks.slack.com/services/…"
            aria-describedby="slack-url-help"
          />
          <span id="slack-url-help" className="small muted">
            Leave it empty and save to stop Slack messages for this team.
          </span>
        </div>
        <div>
          <button type="submit" className="button button-primary">
            Save
          </button>
        </div>
      </Form>
      {team.slackWebhookUrl ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="test-slack" />
          <input type="hidden" name="teamId" value={team.id} />
          <button type="submit" className="button">
            Send test message
          </button>
          <span className="small muted">Posts a short message to the saved URL now.</span>
        </Form>
      ) : null}
    </section>
  );
}
