import type { z } from "zod";
import type { eligibility } from "~/api/eligibility-schemas";
import type { DeliveryChannel, WebhookEvent } from "#db/schema";
import type { FrictionAnsweredData } from "./friction-events";
import type { HandoffEventData, HandoffEventType } from "./handoff-events";

/** A certification event's `data`: the rep's verdict as the eligibility API gives it. */
export type CertificationEventData = z.infer<typeof eligibility> & {
  productName: string;
  previousStatus: string | null;
  certificationId: string | null;
  /** When the rep must have re-taken the changed modules, if a refresh is due. */
  refreshDeadline: string | null;
};

type ModuleRef = { product: string; productName: string; module: string; moduleTitle: string };

/** What the outbox carries, by type. Only `certification.*` events reach webhooks. */
export type EventDataByType = {
  [T in WebhookEvent]: CertificationEventData;
} & {
  [T in HandoffEventType]: HandoffEventData;
} & {
  /** A module of a track completed (every knowledge check in it passed). */
  "module.completed": ModuleRef & { revision: number };
  /** One submitted knowledge check, graded on the server. */
  "quiz.answered": ModuleRef & {
    revision: number;
    quizId: string;
    question: string;
    correct: boolean;
  };
  /** Every module of a round done: passed (score at or above the pass mark) or failed. */
  "round.passed": { product: string; productName: string; score: number; passMark: number };
  "round.failed": { product: string; productName: string; score: number; passMark: number };
  /** Seven days before a refresh deadline, once per deadline. */
  "reminder.lapse_warning": CertificationEventData;
  /** Once per ISO week per manager. */
  "digest.weekly": { managerId: string; week: string };
  /** An author answered a reader's friction flag. */
  "friction.answered": FrictionAnsweredData;
};
export type EventType = keyof EventDataByType;

export type OutboxEvent<T extends EventType = EventType> = {
  id: string;
  type: T;
  createdAt: Date;
  /** The rep the event concerns, if any. */
  userId: string | null;
  data: EventDataByType[T];
};

/** A delivery to queue for an event; `payload` is what the channel's sender gets, as JSON text. */
export type DeliveryPlan = {
  channel: DeliveryChannel;
  target: string;
  webhookId?: string;
  payload: string;
};

/** Decides, inside the transaction that writes the event, where it must go. */
export type DeliveryPlanner = (event: OutboxEvent) => DeliveryPlan[];

export type SendResult = { ok: boolean; status?: number; error?: string };

/** Sends one delivery; never throws for the receiver's failures, it reports them. */
export type DeliverySender = (delivery: { target: string; payload: string }) => Promise<SendResult>;
