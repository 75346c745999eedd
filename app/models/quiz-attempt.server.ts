import { and, asc, eq, gt, gte, sql } from "drizzle-orm";
import { quizAttempts, type QuizAttempt } from "#db/schema";
import type { CertificationPolicy, ModuleSummary, QuizKey } from "~/content/types";
import { immediateTransaction } from "~/utils/db.server";
import { dayMs } from "~/utils/dates";
import { preparedQuery } from "~/utils/prepared-query.server";

const attemptsSince = preparedQuery((db) =>
  db
    .select()
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.userId, sql.placeholder("userId")),
        eq(quizAttempts.productSlug, sql.placeholder("productSlug")),
        gte(quizAttempts.attemptedAt, sql.placeholder("since")),
      ),
    )
    .orderBy(asc(quizAttempts.attemptedAt), asc(quizAttempts.id))
    .prepare(),
);

/** Attempts per question are limited over a rolling 24 hours. */
export const attemptWindowMs = dayMs;

/** When a slot opens again, given the attempt times inside the window (oldest first). */
export function nextAttemptAt({ recent, max }: { recent: Date[]; max: number }): Date | null {
  if (recent.length < max) return null;
  return new Date(recent[recent.length - max].getTime() + attemptWindowMs);
}

export type QuizOutcome =
  | {
      kind: "graded";
      correct: boolean;
      selected: string[];
      correctChoices: string[];
      explanationHtml: string;
      attemptsLeftToday: number;
      nextAttemptAt: Date | null;
    }
  | { kind: "limited"; nextAttemptAt: Date; message: string }
  | { kind: "invalid"; message: string };

/** The distinct choices of an answer, or why it cannot be graded. */
export function checkSelection({
  key,
  selected,
}: {
  key: QuizKey;
  selected: string[];
}): { kind: "valid"; selected: string[] } | { kind: "invalid"; message: string } {
  const valid = new Set(key.choices.map((c) => c.value));
  const unique = [...new Set(selected)];
  if (unique.length === 0) return { kind: "invalid", message: "Choose an answer first." };
  if (unique.some((value) => !valid.has(value))) {
    return { kind: "invalid", message: "That answer is not one of the choices." };
  }
  if (!key.multiple && unique.length > 1) {
    return { kind: "invalid", message: "Choose one answer." };
  }
  return { kind: "valid", selected: unique };
}

export function isCorrectSelection({ key, selected }: { key: QuizKey; selected: string[] }) {
  const chosen = new Set(selected);
  return chosen.size === key.correct.length && key.correct.every((value) => chosen.has(value));
}

/**
 * Grades an answer and records it, unless the rep used up this quiz's attempts in the last
 * 24 hours. The count and the insert share one write transaction so replayed or parallel
 * submissions cannot slip past the limit.
 */
export function answerQuiz({
  userId,
  productSlug,
  module,
  key,
  policy,
  selected,
  now = new Date(),
}: {
  userId: string;
  productSlug: string;
  module: ModuleSummary;
  key: QuizKey;
  policy: CertificationPolicy;
  selected: string[];
  now?: Date;
}): QuizOutcome {
  const checked = checkSelection({ key, selected });
  if (checked.kind === "invalid") return checked;
  const unique = checked.selected;
  return immediateTransaction((db) => {
    const recent = db
      .select({ attemptedAt: quizAttempts.attemptedAt })
      .from(quizAttempts)
      .where(
        and(
          eq(quizAttempts.userId, userId),
          eq(quizAttempts.productSlug, productSlug),
          eq(quizAttempts.quizId, key.id),
          gt(quizAttempts.attemptedAt, new Date(now.getTime() - attemptWindowMs)),
        ),
      )
      .orderBy(asc(quizAttempts.attemptedAt))
      .all();
    const times = recent.map((r) => r.attemptedAt);
    const max = policy.maxAttemptsPerDay;
    const blockedUntil = nextAttemptAt({ recent: times, max });
    if (blockedUntil) {
      return {
        kind: "limited",
        nextAttemptAt: blockedUntil,
        message: `You have used all ${policy.maxAttemptsPerDay} attempts at this question for today.`,
      };
    }
    const correct = isCorrectSelection({ key, selected: unique });
    db.insert(quizAttempts)
      .values({
        userId,
        productSlug,
        moduleSlug: module.slug,
        moduleRevision: module.revision,
        quizId: key.id,
        selected: JSON.stringify(unique),
        correct,
        attemptedAt: now,
      })
      .run();
    const attemptsLeftToday = max - (times.length + 1);
    return {
      kind: "graded",
      correct,
      selected: unique,
      correctChoices: correct ? key.correct : [],
      explanationHtml: key.explanationHtml,
      attemptsLeftToday,
      nextAttemptAt: nextAttemptAt({ recent: [...times, now], max }),
    };
  });
}

export function listAttempts({
  userId,
  productSlug,
  since,
}: {
  userId: string;
  productSlug: string;
  since: Date;
}): QuizAttempt[] {
  return attemptsSince().all({ userId, productSlug, since: since.getTime() });
}

/** Share of the product's quizzes answered correctly at the first attempt. */
export function firstAttemptScore({
  attempts,
  quizIds,
}: {
  attempts: QuizAttempt[];
  quizIds: string[];
}) {
  if (quizIds.length === 0) return 1;
  const first = new Map<string, boolean>();
  for (const attempt of attempts)
    if (!first.has(attempt.quizId)) first.set(attempt.quizId, attempt.correct);
  return quizIds.filter((id) => first.get(id) === true).length / quizIds.length;
}

export function passedQuizIds({
  attempts,
  module,
}: {
  attempts: QuizAttempt[];
  module: ModuleSummary;
}) {
  return new Set(
    attempts
      .filter(
        (a) => a.moduleSlug === module.slug && a.moduleRevision === module.revision && a.correct,
      )
      .map((a) => a.quizId),
  );
}
