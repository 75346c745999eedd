import { z } from "zod";

const loopbackHosts = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Whether Firsthand may post to this URL: https anywhere, plain http only to this machine. */
export function isAllowedWebhookUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && loopbackHosts.test(url.hostname);
}

/** A Slack incoming-webhook URL as a person types it into a form. */
export const slackWebhookUrl = z
  .string()
  .trim()
  .max(2000, "Keep the webhook URL under 2,001 characters.")
  .refine(isAllowedWebhookUrl, {
    message:
      "Enter the incoming-webhook URL Slack gave you, starting with https:// (such as https://hooks.slack.com/services/…).",
  });
