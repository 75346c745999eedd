import { asc, eq } from "drizzle-orm";
import { webhooks, type Webhook, type WebhookEvent } from "#db/schema";
import { getDb } from "~/utils/db.server";
import { randomToken } from "~/utils/secret-token.server";

export function webhookEventsOf(webhook: Webhook): WebhookEvent[] {
  return JSON.parse(webhook.events) as WebhookEvent[];
}

export function createWebhook({
  url,
  secret,
  events,
  createdById = null,
  now = new Date(),
}: {
  url: string;
  secret: string;
  events: WebhookEvent[];
  createdById?: string | null;
  now?: Date;
}): Webhook {
  const row: Webhook = {
    id: `wh_${randomToken(10)}`,
    url,
    secret,
    events: JSON.stringify([...new Set(events)]),
    createdById,
    createdAt: now,
  };
  getDb().insert(webhooks).values(row).run();
  return row;
}

export function listWebhooks(): Webhook[] {
  return getDb().select().from(webhooks).orderBy(asc(webhooks.createdAt)).all();
}

export function getWebhook({ id }: { id: string }): Webhook | null {
  return getDb().select().from(webhooks).where(eq(webhooks.id, id)).get() ?? null;
}

/** Deletes the endpoint and, with it, every delivery still queued for it. */
export function deleteWebhook({ id }: { id: string }): boolean {
  return getDb().delete(webhooks).where(eq(webhooks.id, id)).run().changes > 0;
}

/** What the API and pages show of an endpoint: never its secret. */
export function publicWebhook(webhook: Webhook) {
  return {
    id: webhook.id,
    url: webhook.url,
    events: webhookEventsOf(webhook),
    createdAt: webhook.createdAt.toISOString(),
  };
}
