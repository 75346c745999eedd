import { getTeamById } from "~/models/team.server";
import { getUserById } from "~/models/user.server";
import { getEnv } from "~/utils/env.server";
import type { DeliveryPlanner } from "./events";
import { handoffMessage, type HandoffEventData, type HandoffEventType } from "./handoff-events";
import { deliveriesFor } from "./notifications.server";

const isHandoffEvent = (type: string): type is HandoffEventType => type.startsWith("handoff.");

/**
 * Each step of a handoff reaches the other side where they work: by email, and in their team's
 * Slack channel when it has one, unless they turned that kind off.
 */
export const planHandoffNotices: DeliveryPlanner = (event) => {
  if (!isHandoffEvent(event.type)) return [];
  const type = event.type;
  const data = event.data as HandoffEventData;
  const recipient = getUserById({ id: data.recipientId });
  if (!recipient || recipient.disabled) return [];
  const toCsm = type === "handoff.filed" || type === "handoff.replied";
  return deliveriesFor({
    kind: toCsm ? "handoff_to_me" : "handoff_answered",
    recipient,
    team: recipient.teamId ? getTeamById({ id: recipient.teamId }) : null,
    message: () =>
      handoffMessage({ appUrl: getEnv().APP_URL, type, data, recipientName: recipient.name }),
  });
};
