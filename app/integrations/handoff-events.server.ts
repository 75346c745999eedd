import { eq } from "drizzle-orm";
import { deliveries, outboxEvents, users, type Handoff, type User } from "#db/schema";
import { getEnv } from "~/utils/env.server";
import { getDb } from "~/utils/db.server";
import { randomToken } from "~/utils/secret-token.server";
import type { EmailPayload } from "./email-sender.server";
import { handoffMessage, type HandoffEventData, type HandoffEventType } from "./handoff-events";

// The outbox worker's wake-up hooks (see onOutboxWrite in outbox.server.ts).
const wakers = () =>
  (globalThis as unknown as { firsthandOutboxWakers?: Set<() => void> }).firsthandOutboxWakers;

/**
 * Writes a handoff event to the outbox with an email to the other side. Called inside the
 * transaction of the change. enqueueEvent is typed on the shared EventType, which does not list
 * handoff events, so this writes the same two tables itself.
 */
export function recordHandoffNotice({
  kind,
  handoff,
  actor,
  message,
  now,
}: {
  kind: "filed" | "acknowledged" | "questioned" | "replied";
  handoff: Handoff;
  actor: User;
  message: string | null;
  now: Date;
}) {
  const db = getDb();
  const type: HandoffEventType = `handoff.${kind}`;
  const recipientId = actor.id === handoff.csmId ? handoff.repId : handoff.csmId;
  const recipient = db.select().from(users).where(eq(users.id, recipientId)).get();
  const data: HandoffEventData = {
    handoffId: handoff.id,
    accountName: handoff.accountName,
    product: handoff.productSlug,
    state: handoff.state,
    actorId: actor.id,
    actorName: actor.name,
    recipientId,
    message,
  };
  const { seq } = db
    .insert(outboxEvents)
    .values({
      id: `evt_${randomToken(15)}`,
      type,
      data: JSON.stringify(data),
      userId: handoff.repId,
      createdAt: now,
    })
    .returning({ seq: outboxEvents.seq })
    .get();
  const { SMTP_URL, APP_URL } = getEnv();
  if (!SMTP_URL || !recipient || recipient.disabled) return;
  const built = handoffMessage({ appUrl: APP_URL, type, data, recipientName: recipient.name });
  const email: EmailPayload = {
    to: recipient.email,
    subject: built.subject,
    text: built.text,
    html: built.html,
  };
  db.insert(deliveries)
    .values({
      eventSeq: seq,
      channel: "email",
      target: recipient.email,
      orderKey: handoff.repId,
      payload: JSON.stringify(email),
      state: "pending",
      nextAttemptAt: now,
      createdAt: now,
    })
    .run();
  queueMicrotask(() => wakers()?.forEach((wake) => wake()));
}
