import type { EventDataByType, EventType, OutboxEvent } from "~/integrations/events";

// Events as the outbox writes them, for the xAPI tests: one rep working through LedgerFlow.
export const repId = "usr_7f3k2m9q4x";
export const repEmail = "rep3@demo.firsthand.test";
export const appUrl = "https://firsthand.example.com";

const product = { product: "ledgerflow", productName: "LedgerFlow" };
const ingestionRules = {
  ...product,
  module: "week-2/ingestion-rules",
  moduleTitle: "Automate ingestion with rules",
  revision: 2,
};

export function outboxEvent<T extends EventType>(
  type: T,
  data: EventDataByType[T],
  overrides: Partial<Pick<OutboxEvent, "id" | "userId">> = {},
): OutboxEvent<T> {
  return {
    id: `evt_${type.replace(/\W/g, "_")}_01`,
    type,
    createdAt: new Date("2025-03-04T09:15:30.125Z"),
    userId: repId,
    data,
    ...overrides,
  };
}

export const moduleCompleted = outboxEvent("module.completed", ingestionRules);

export const quizAnswered = outboxEvent("quiz.answered", {
  ...ingestionRules,
  quizId: "monday-upload",
  question: "What replaces the Monday file upload?",
  correct: false,
});

export const roundPassed = outboxEvent("round.passed", { ...product, score: 0.875, passMark: 0.8 });
export const roundFailed = outboxEvent("round.failed", { ...product, score: 0.5, passMark: 0.8 });

export const certificationIssued = outboxEvent("certification.issued", {
  ...product,
  rep: repEmail,
  eligible: true,
  status: "certified",
  certifiedAt: "2025-03-04T09:15:30.125Z",
  expiresAt: "2026-03-04T09:15:30.125Z",
  refreshDueModules: [],
  missingModules: [],
  reasons: ["Certified on LedgerFlow."],
  verifyUrl: `${appUrl}/verify/abcdefghijklmnopqrstuvwxyz23`,
  previousStatus: "in_progress",
  certificationId: "crt_01",
  refreshDeadline: null,
});

export const digestWeekly = outboxEvent(
  "digest.weekly",
  { managerId: "usr_manager1", week: "2025-W10" },
  { userId: null },
);
