import { webhookEvents, type WebhookEvent } from "#db/schema";
import { getWebhook, listWebhooks, webhookEventsOf } from "~/models/webhook.server";
import type { DeliveryPlanner, SendResult } from "./events";
import { signWebhook, signatureHeader } from "./webhook-signature.server";

const isWebhookEvent = (type: string): type is WebhookEvent =>
  (webhookEvents as readonly string[]).includes(type);

/** Every endpoint subscribed to the event gets `{ id, type, createdAt, data }`, fixed now. */
export const planWebhooks: DeliveryPlanner = (event) => {
  if (!isWebhookEvent(event.type)) return [];
  const type = event.type;
  const body = JSON.stringify({
    id: event.id,
    type,
    createdAt: event.createdAt.toISOString(),
    data: event.data,
  });
  return listWebhooks()
    .filter((webhook) => webhookEventsOf(webhook).includes(type))
    .map((webhook) => ({
      channel: "webhook",
      target: webhook.url,
      webhookId: webhook.id,
      payload: body,
    }));
};

export const webhookTimeoutMs = 10_000;

/** POSTs the body signed with the endpoint's secret at the moment of sending. 2xx is delivered. */
export async function sendWebhook({
  webhookId,
  target,
  payload,
}: {
  webhookId: string | null;
  target: string;
  payload: string;
}): Promise<SendResult> {
  const webhook = webhookId ? getWebhook({ id: webhookId }) : null;
  if (!webhook) return { ok: false, error: "The endpoint was deleted." };
  try {
    const response = await fetch(target, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Firsthand-Webhooks/1",
        [signatureHeader]: signWebhook({ secret: webhook.secret, body: payload }),
      },
      body: payload,
      redirect: "manual",
      signal: AbortSignal.timeout(webhookTimeoutMs),
    });
    await response.body?.cancel();
    if (response.ok) return { ok: true, status: response.status };
    return {
      ok: false,
      status: response.status,
      error: `The endpoint answered ${response.status}.`,
    };
  } catch (error) {
    return { ok: false, error: describeFetchError(error) };
  }
}

export function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError")
    return "No answer within 10 seconds.";
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const code = cause && "code" in cause ? String(cause.code) : null;
  if (code === "ECONNREFUSED") return "Connection refused: the endpoint is down.";
  if (code === "ENOTFOUND") return "The endpoint's host name does not resolve.";
  return cause?.message ?? (error instanceof Error ? error.message : "The request failed.");
}
