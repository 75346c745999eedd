import type { User } from "#db/schema";
import type { ModuleSummary, Product, QuizKey } from "~/content/types";
import { enqueueEvent } from "~/integrations/outbox.server";
import { immediateTransaction } from "~/utils/db.server";
import { completeModule, getStanding } from "./certification.server";
import { answerQuiz } from "./quiz-attempt.server";
import { currentAnnouncement, syncRepStatus } from "./rep-status.server";
import { markModuleOpened } from "./progress.server";
import { getUserById } from "./user.server";

// What a rep submits on a module page, graded and recorded with the events it causes in one
// transaction: an LRS, a CRM or a manager hears of it exactly when it is saved.

/** The first open of a module is progress the readiness matrix shows. */
export function recordModuleOpened({
  user,
  product,
  module,
  now = new Date(),
}: {
  user: User;
  product: Product;
  module: ModuleSummary;
  now?: Date;
}) {
  immediateTransaction(() => {
    const first = markModuleOpened({
      userId: user.id,
      productSlug: product.slug,
      moduleSlug: module.slug,
      now,
    });
    if (first) syncRepStatus({ user, product, now });
  });
}

export function submitQuizAnswer({
  userId,
  product,
  module,
  key,
  selected,
  now = new Date(),
}: {
  userId: string;
  product: Product;
  module: ModuleSummary;
  key: QuizKey;
  selected: string[];
  now?: Date;
}) {
  return immediateTransaction(() => {
    const outcome = answerQuiz({
      userId,
      productSlug: product.slug,
      module,
      key,
      policy: product.policy,
      selected,
      now,
    });
    if (outcome.kind === "graded") {
      enqueueEvent({
        type: "quiz.answered",
        userId,
        now,
        data: {
          product: product.slug,
          productName: product.name,
          module: module.slug,
          moduleTitle: module.title,
          revision: module.revision,
          quizId: key.id,
          question: key.question,
          correct: outcome.correct,
        },
      });
      const user = getUserById({ id: userId });
      if (user) syncRepStatus({ user, product, now });
    }
    return outcome;
  });
}

export function submitModuleCompletion({
  userId,
  product,
  module,
  now = new Date(),
}: {
  userId: string;
  product: Product;
  module: ModuleSummary;
  now?: Date;
}) {
  return immediateTransaction(() => {
    const user = getUserById({ id: userId });
    const before = user ? currentAnnouncement({ user, product, now }) : null;
    const wasBelowPassMark = getStanding({ userId, product, now }).belowPassMark;
    const result = completeModule({ userId, product, module, now });
    if (!result.ok || !user) return result;
    const ref = { product: product.slug, productName: product.name };
    enqueueEvent({
      type: "module.completed",
      userId,
      now,
      data: { ...ref, module: module.slug, moduleTitle: module.title, revision: module.revision },
    });
    const standing = getStanding({ userId, product, now });
    const passMark = product.policy.passMark;
    if (result.issued) {
      enqueueEvent({
        type: "round.passed",
        userId,
        now,
        data: { ...ref, score: result.issued.score, passMark },
      });
    } else if (standing.belowPassMark && !wasBelowPassMark) {
      enqueueEvent({
        type: "round.failed",
        userId,
        now,
        dedupeKey: `round.failed:${userId}:${product.slug}:${standing.countingFrom.getTime()}`,
        data: { ...ref, score: standing.score, passMark },
      });
    }
    syncRepStatus({ user, product, before, now });
    return result;
  });
}
