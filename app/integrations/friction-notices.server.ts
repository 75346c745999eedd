import { getUserById } from "~/models/user.server";
import { getEnv } from "~/utils/env.server";
import type { DeliveryPlanner, OutboxEvent } from "./events";
import { frictionAnsweredMessage } from "./friction-events";
import { deliveriesFor } from "./notifications.server";

const isFrictionAnswered = (event: OutboxEvent): event is OutboxEvent<"friction.answered"> =>
  event.type === "friction.answered";

/** The reader hears by email, never in the team channel: a flag is between them and enablement. */
export const planFrictionNotices: DeliveryPlanner = (event) => {
  if (!isFrictionAnswered(event)) return [];
  const reader = getUserById({ id: event.data.readerId });
  if (!reader || reader.disabled) return [];
  return deliveriesFor({
    kind: "friction_answered",
    recipient: reader,
    team: null,
    message: () =>
      frictionAnsweredMessage({
        appUrl: getEnv().APP_URL,
        data: event.data,
        readerName: reader.name,
      }),
  });
};
