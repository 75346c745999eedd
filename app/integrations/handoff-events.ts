import type { HandoffEventKind } from "#db/schema";
import { compose, firstName, p, type NotificationMessage } from "./message-parts";

/**
 * Handoff events, kept apart from the shared EventDataByType in events.ts: the outbox stores any
 * type string, and these reach people only by the email and Slack planned here.
 */
export type HandoffEventType = `handoff.${Exclude<HandoffEventKind, "superseded">}`;

export type HandoffEventData = {
  handoffId: string;
  accountName: string;
  product: string;
  state: string;
  actorId: string;
  actorName: string;
  recipientId: string;
  message: string | null;
};

const verbs: Record<HandoffEventType, string> = {
  "handoff.filed": "handed over",
  "handoff.acknowledged": "acknowledged",
  "handoff.questioned": "sent back with a question",
  "handoff.replied": "replied about",
};

/** Pure: what the other side of a handoff is told, by email and in Slack. */
export function handoffMessage({
  appUrl,
  type,
  data,
  recipientName,
}: {
  appUrl: string;
  type: HandoffEventType;
  data: HandoffEventData;
  recipientName: string;
}): NotificationMessage {
  const url = `${appUrl.replace(/\/+$/, "")}/handoffs/${encodeURIComponent(data.handoffId)}`;
  const subject = `${data.actorName} ${verbs[type]} the ${data.accountName} handoff`;
  const body = [
    p(`Hi ${firstName(recipientName)},`),
    p(
      { strong: data.actorName },
      ` ${verbs[type]} the handoff of `,
      { strong: data.accountName },
      ".",
    ),
    ...(data.message ? [p(`“${data.message}”`)] : []),
    p({ link: url, label: "Open the handoff" }),
  ];
  return compose({ subject, email: body, slack: body.slice(1) });
}
