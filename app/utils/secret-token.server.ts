import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** A random string from the CSPRNG: 8 × `bytes` bits, base32 so it survives URLs and headers. */
export function randomToken(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** What is stored of a token's secret, per Lucia's guide: its SHA-256, compared in constant time. */
export function hashTokenSecret(secret: string): Buffer {
  return Buffer.from(sha256(new TextEncoder().encode(secret)));
}
