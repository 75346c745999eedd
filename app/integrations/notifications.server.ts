import type { NotificationKind, Team, User } from "#db/schema";
import { isNotificationOn } from "~/models/notification-preference.server";
import { getTeamById, getTeamLedBy } from "~/models/team.server";
import { getUserByEmail, getUserById } from "~/models/user.server";
import { dayMs } from "~/utils/dates";
import { getEnv } from "~/utils/env.server";
import type { EmailPayload } from "./email-sender.server";
import type {
  CertificationEventData,
  DeliveryPlan,
  DeliveryPlanner,
  EventType,
  OutboxEvent,
} from "./events";
import {
  lapseWarningMessage,
  moduleChangedMessage,
  repCertifiedMessage,
  repLapsedMessage,
  weeklyDigestMessage,
  type NotificationMessage,
} from "./notification-messages";
import { getTeamDigest } from "./team-digest.server";

export { sendEmail } from "./email-sender.server";
export { sendSlack } from "./slack-sender.server";

/** A notification for one person, sent by email and to their team's Slack channel. */
export type Notice = {
  kind: NotificationKind;
  recipient: User;
  /** Whose team channel hears of it. */
  team: Team | null;
  /** Built only when the notice goes somewhere: a digest reads the whole team's standing. */
  message: () => NotificationMessage | null;
};

function isEvent<T extends EventType>(event: OutboxEvent, type: T): event is OutboxEvent<T> {
  return event.type === type;
}

const active = (user: User | null) => (user && !user.disabled ? user : null);

function repOf(event: OutboxEvent<EventType>, data: CertificationEventData): User | null {
  const rep = event.userId
    ? getUserById({ id: event.userId })
    : getUserByEmail({ email: data.rep });
  return active(rep);
}

const teamOf = (user: User) => (user.teamId ? getTeamById({ id: user.teamId }) : null);

function managerOf(rep: User): { manager: User; team: Team } | null {
  const team = teamOf(rep);
  const manager = team?.managerId ? active(getUserById({ id: team.managerId })) : null;
  return team && manager && manager.id !== rep.id ? { manager, team } : null;
}

function refreshInput(rep: User, data: CertificationEventData) {
  return {
    appUrl: getEnv().APP_URL,
    repName: rep.name,
    product: { slug: data.product, name: data.productName },
    modules: data.refreshDueModules,
    deadline: data.refreshDeadline,
  };
}

function noticesFor(event: OutboxEvent): Notice[] {
  const appUrl = getEnv().APP_URL;
  if (isEvent(event, "certification.refresh_due")) {
    const rep = repOf(event, event.data);
    if (!rep) return [];
    const message = () => moduleChangedMessage(refreshInput(rep, event.data));
    return [{ kind: "module_changed", recipient: rep, team: teamOf(rep), message }];
  }
  if (isEvent(event, "reminder.lapse_warning")) {
    const rep = repOf(event, event.data);
    if (!rep) return [];
    const deadline = event.data.refreshDeadline;
    const daysLeft = deadline
      ? Math.max(0, Math.ceil((Date.parse(deadline) - event.createdAt.getTime()) / dayMs))
      : 7;
    const message = () => lapseWarningMessage({ ...refreshInput(rep, event.data), daysLeft });
    return [{ kind: "lapse_warning", recipient: rep, team: teamOf(rep), message }];
  }
  if (isEvent(event, "certification.issued") || isEvent(event, "certification.lapsed")) {
    const rep = repOf(event, event.data);
    const lead = rep && managerOf(rep);
    if (!rep || !lead) return [];
    const base = {
      appUrl,
      managerName: lead.manager.name,
      repName: rep.name,
      product: { slug: event.data.product, name: event.data.productName },
    };
    return [
      event.type === "certification.issued"
        ? {
            kind: "rep_certified",
            recipient: lead.manager,
            team: lead.team,
            message: () =>
              repCertifiedMessage({
                ...base,
                expiresAt: event.data.expiresAt,
                verifyUrl: event.data.verifyUrl,
              }),
          }
        : {
            kind: "rep_lapsed",
            recipient: lead.manager,
            team: lead.team,
            message: () =>
              repLapsedMessage({
                ...base,
                modules: event.data.refreshDueModules,
                deadline: event.data.refreshDeadline,
              }),
          },
    ];
  }
  if (isEvent(event, "digest.weekly")) {
    const manager = active(getUserById({ id: event.data.managerId }));
    const team = manager && getTeamLedBy({ managerId: manager.id });
    if (!manager || !team) return [];
    const { week } = event.data;
    const message = () => {
      const digest = getTeamDigest({ team });
      return digest
        ? weeklyDigestMessage({
            appUrl,
            managerName: manager.name,
            teamName: team.name,
            week,
            digest,
          })
        : null;
    };
    return [{ kind: "weekly_digest", recipient: manager, team, message }];
  }
  return [];
}

export function deliveriesFor({ kind, recipient, team, message }: Notice): DeliveryPlan[] {
  // Turning a kind off stops it everywhere, the team channel's message about the person included.
  if (!isNotificationOn({ userId: recipient.id, kind })) return [];
  const emailTo = getEnv().SMTP_URL && recipient.email ? recipient.email : null;
  const slackUrl = team?.slackWebhookUrl ?? null;
  if (!emailTo && !slackUrl) return [];
  const built = message();
  if (!built) return [];
  const plans: DeliveryPlan[] = [];
  if (emailTo) {
    const email: EmailPayload = {
      to: emailTo,
      subject: built.subject,
      text: built.text,
      html: built.html,
    };
    plans.push({ channel: "email", target: emailTo, payload: JSON.stringify(email) });
  }
  if (slackUrl) {
    plans.push({ channel: "slack", target: slackUrl, payload: JSON.stringify(built.slack) });
  }
  return plans;
}

/** Emails and Slack messages to people, decided inside the transaction that writes the event. */
export const planNotifications: DeliveryPlanner = (event) =>
  noticesFor(event).flatMap(deliveriesFor);
