import { createHmac } from "node:crypto";
import { expect, test } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./webhook-signature.server";

const secret = "whsec_0123456789abcdef";
const body = JSON.stringify({ id: "evt_1", type: "certification.issued" });
const now = new Date("2026-12-01T10:00:00Z");

test("the signature is Stripe's scheme: t=<unix seconds>,v1=HMAC-SHA256 of '<t>.<body>'", () => {
  const header = signWebhook({ secret, body, now });
  const t = now.getTime() / 1000;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  expect(header).toBe(`t=${t},v1=${expected}`);
});

test("a receiver accepts it once, and refuses another body, another secret or a stale timestamp", () => {
  const header = signWebhook({ secret, body, now });
  expect(verifyWebhookSignature({ secret, body, header, now })).toBe(true);
  expect(verifyWebhookSignature({ secret, body: body + " ", header, now })).toBe(false);
  expect(verifyWebhookSignature({ secret: `${secret}x`, body, header, now })).toBe(false);
  const later = new Date(now.getTime() + 6 * 60 * 1000);
  expect(verifyWebhookSignature({ secret, body, header, now: later })).toBe(false);
  expect(verifyWebhookSignature({ secret, body, header: "t=1,v1=zz", now })).toBe(false);
  expect(verifyWebhookSignature({ secret, body, header: null, now })).toBe(false);
});
