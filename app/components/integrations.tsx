import { Form, Link } from "@remix-run/react";
import { webhookEvents, type DeliveryChannel } from "#db/schema";
import { formatDate, formatDateTime } from "~/utils/dates";

export type ChannelSummary = {
  channel: DeliveryChannel;
  title: string;
  /** Where it goes, or why it is off. */
  detail: string;
  on: boolean;
  pending: number;
  delivered: number;
  failed: number;
};

const stateClass = { pending: "pill-warning", delivered: "pill-success", failed: "pill-danger" };

export function ChannelCards({ channels }: { channels: ChannelSummary[] }) {
  return (
    <section aria-labelledby="channels-title" className="stack">
      <h2 id="channels-title">Where events go</h2>
      <div className="card-grid">
        {channels.map((c) => (
          <div key={c.channel} className="panel stack-sm">
            <div className="meta-row">
              <strong>{c.title}</strong>
              <span className={`pill ${c.on ? "pill-success" : ""}`}>{c.on ? "On" : "Off"}</span>
            </div>
            <p className="muted small">{c.detail}</p>
            <p className="small">
              <Link to={`?channel=${c.channel}&state=pending`}>{c.pending} queued</Link> ·{" "}
              <Link to={`?channel=${c.channel}&state=failed`}>{c.failed} failed</Link> ·{" "}
              <Link to={`?channel=${c.channel}&state=delivered`}>{c.delivered} delivered</Link>
            </p>
          </div>
        ))}
      </div>
    </section>
  );
}

export type WebhookRow = { id: string; url: string; events: string[]; createdAt: string };

export function WebhookTable({ webhooks }: { webhooks: WebhookRow[] }) {
  return (
    <section className="panel table-wrap" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhook endpoints</h2>
      {webhooks.length ? (
        <table className="data-table responsive-table">
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((w) => (
              <tr key={w.id}>
                <th scope="row">
                  <code className="break">{w.url}</code>
                </th>
                <td data-label="Events">
                  {w.events.map((e) => e.replace("certification.", "")).join(", ")}
                </td>
                <td data-label="Added">{formatDate(w.createdAt)}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete-webhook" />
                    <input type="hidden" name="webhookId" value={w.id} />
                    <button
                      type="submit"
                      className="button button-small"
                      aria-label={`Delete ${w.url}`}
                    >
                      Delete
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No endpoints yet. Add one to push certification changes to a CRM.</p>
      )}
    </section>
  );
}

export function NewWebhookForm() {
  return (
    <section className="panel" aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">Add an endpoint</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="create-webhook" />
        <div className="field">
          <label htmlFor="webhook-url">URL</label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            required
            maxLength={2000}
            placeholder="https://crm.example.com/hooks/firsthand"
          />
        </div>
        <div className="field">
          <label htmlFor="webhook-secret">Signing secret</label>
          <input
            id="webhook-secret"
            name="secret"
            required
            minLength={16}
            maxLength={200}
            autoComplete="off"
          />
          <p className="small muted">
            At least 16 characters; the receiver checks signatures with it.
          </p>
        </div>
        <fieldset className="stack-sm">
          <legend>Events</legend>
          {webhookEvents.map((event) => (
            <label key={event} className="checkbox">
              <input type="checkbox" name="events" value={event} defaultChecked /> {event}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary">
          Add endpoint
        </button>
      </Form>
    </section>
  );
}

export type DeliveryRow = {
  id: number;
  channel: DeliveryChannel;
  target: string;
  eventId: string;
  eventType: string;
  rep: string | null;
  state: "pending" | "delivered" | "failed";
  attempts: {
    at: string;
    ok: boolean;
    status: number | null;
    error: string | null;
    durationMs: number;
  }[];
  nextAttemptAt: string;
  deliveredAt: string | null;
  lastError: string | null;
};

export function DeliveryLog({ rows, filtered }: { rows: DeliveryRow[]; filtered: boolean }) {
  return (
    <section className="panel table-wrap" aria-labelledby="log-title">
      <div className="meta-row spread">
        <h2 id="log-title">Delivery log</h2>
        {filtered ? <Link to=".">Show all</Link> : null}
      </div>
      {rows.length ? (
        <table className="data-table responsive-table">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td>
                  <strong>{d.eventType}</strong>
                  <div className="small muted">
                    {d.rep ?? "—"} · <code>{d.eventId}</code>
                  </div>
                </td>
                <td data-label="To">
                  <span className="small">{d.channel}</span>
                  <div className="small muted break">{d.target}</div>
                </td>
                <td data-label="Status">
                  <span className={`pill ${stateClass[d.state]}`}>{d.state}</span>
                  <div className="small muted">
                    {d.state === "delivered"
                      ? formatDateTime(d.deliveredAt)
                      : d.state === "pending"
                        ? `Next try ${formatDateTime(d.nextAttemptAt)}`
                        : "Gave up after three days"}
                  </div>
                  {d.lastError && d.state !== "delivered" ? (
                    <div className="small error-text">{d.lastError}</div>
                  ) : null}
                </td>
                <td data-label="Attempts">
                  {d.attempts.length ? (
                    <details>
                      <summary>{d.attempts.length}</summary>
                      <ol className="small attempt-list">
                        {d.attempts.map((a) => (
                          <li key={a.at}>
                            {formatDateTime(a.at)}: {a.ok ? "delivered" : (a.error ?? "failed")}
                            {a.status ? ` (${a.status})` : ""}, {a.durationMs} ms
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : (
                    "0"
                  )}
                </td>
                <td>
                  {d.state !== "pending" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="redeliver" />
                      <input type="hidden" name="deliveryId" value={d.id} />
                      <button type="submit" className="button button-small">
                        Redeliver
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Nothing to show.</p>
      )}
    </section>
  );
}
