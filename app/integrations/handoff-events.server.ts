import type { Handoff, User } from "#db/schema";
import type { HandoffEventData, HandoffEventType } from "./handoff-events";
import { enqueueEvent } from "./outbox.server";

/**
 * Writes a handoff step to the outbox, inside the transaction of the change; the planner in
 * handoff-notices.server.ts decides who hears of it.
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
  const type: HandoffEventType = `handoff.${kind}`;
  const data: HandoffEventData = {
    handoffId: handoff.id,
    accountName: handoff.accountName,
    product: handoff.productSlug,
    state: handoff.state,
    actorId: actor.id,
    actorName: actor.name,
    recipientId: actor.id === handoff.csmId ? handoff.repId : handoff.csmId,
    message,
  };
  enqueueEvent({ type, data, userId: handoff.repId, now });
}
