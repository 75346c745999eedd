import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeHex, encodeHexLowerCase } from "@oslojs/encoding";

export const signatureHeader = "Firsthand-Signature";
/** Receivers should refuse a signature older than this: it bounds how long a captured call replays. */
export const replayWindowSeconds = 5 * 60;

const encoder = new TextEncoder();

function mac(secret: string, timestamp: number, body: string) {
  return hmac(SHA256, encoder.encode(secret), encoder.encode(`${timestamp}.${body}`));
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, as Stripe signs its webhooks. */
export function signWebhook({
  secret,
  body,
  now = new Date(),
}: {
  secret: string;
  body: string;
  now?: Date;
}) {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${encodeHexLowerCase(mac(secret, t, body))}`;
}

/** What a receiver does: recompute, compare in constant time, refuse stale timestamps. */
export function verifyWebhookSignature({
  secret,
  body,
  header,
  now = new Date(),
}: {
  secret: string;
  body: string;
  header: string | null;
  now?: Date;
}): boolean {
  const parts = new Map(
    (header ?? "").split(",").map((part) => part.split("=", 2) as [string, string | undefined]),
  );
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > replayWindowSeconds) return false;
  return constantTimeEqual(mac(secret, t, body), decodeHex(v1));
}
