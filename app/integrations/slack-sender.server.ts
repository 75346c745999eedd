import type { DeliverySender } from "./events";
import { isAllowedWebhookUrl } from "./slack-webhook-url";

const timeoutMs = 10_000;

function describeFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError") {
    return `No answer from Slack within ${timeoutMs / 1000} s.`;
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? error.cause.message : error.message;
    return `Could not reach the webhook URL (${cause}).`;
  }
  return String(error);
}

/** POSTs the payload (a Slack message as JSON) to an incoming webhook; any 2xx is delivered. */
export const sendSlack: DeliverySender = async ({ target, payload }) => {
  if (!isAllowedWebhookUrl(target)) {
    return { ok: false, error: "The team's Slack URL is not an https:// URL." };
  }
  try {
    const response = await fetch(target, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: payload,
      // A redirect could point anywhere; Slack's webhooks answer directly.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.text()).trim().slice(0, 200);
    if (response.ok) return { ok: true, status: response.status };
    return {
      ok: false,
      status: response.status,
      error: `Slack answered ${response.status}${body ? `: ${body}` : ""}`,
    };
  } catch (error) {
    return { ok: false, error: describeFailure(error) };
  }
};
