import { eq } from "drizzle-orm";
import { users } from "#db/schema";
import { getEnv } from "~/utils/env.server";
import { getDb } from "~/utils/db.server";
import type { EmailPayload } from "./email-sender.server";
import type { DeliveryPlanner } from "./events";
import { handoffMessage, type HandoffEventData, type HandoffEventType } from "./handoff-events";

const isHandoffEvent = (type: string): type is HandoffEventType => type.startsWith("handoff.");

/** Each step of a handoff emails the other side (the CSM, or the rep), when email is on. */
export const planHandoffNotices: DeliveryPlanner = (event) => {
  const { SMTP_URL, APP_URL } = getEnv();
  if (!SMTP_URL || !isHandoffEvent(event.type)) return [];
  const data = event.data as HandoffEventData;
  const recipient = getDb().select().from(users).where(eq(users.id, data.recipientId)).get();
  if (!recipient || recipient.disabled) return [];
  const built = handoffMessage({
    appUrl: APP_URL,
    type: event.type,
    data,
    recipientName: recipient.name,
  });
  const email: EmailPayload = {
    to: recipient.email,
    subject: built.subject,
    text: built.text,
    html: built.html,
  };
  return [{ channel: "email", target: recipient.email, payload: JSON.stringify(email) }];
};
