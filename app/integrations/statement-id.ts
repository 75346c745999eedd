import { createHash } from "node:crypto";

// Fixed forever: changing it gives every event a new statement id, and an LRS would then store
// the whole history a second time.
const statementNamespace = "713fc91b-e4aa-4830-84f7-3e11635c3d58";

/** RFC 4122 version 5 UUID (SHA-1 of namespace and name): the same name always gives the same id. */
export function nameBasedUuid({ namespace, name }: { namespace: string; name: string }) {
  const bytes = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join("-");
}

/** The xAPI statement id for an outbox event, so a retry or a re-plan sends the same statement. */
export function statementIdForEvent(eventId: string) {
  return nameBasedUuid({ namespace: statementNamespace, name: eventId });
}
