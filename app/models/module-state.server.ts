import type { ModuleSummary, Product, QuizKey } from "~/content/types";
import { getStanding, servedModules } from "./certification.server";
import type { QuizState } from "~/components/mdx/quiz-context";
import type { TrackStanding } from "./track-standing";
import { attemptWindowMs, listAttempts, nextAttemptAt } from "./quiz-attempt.server";

export type ModuleLearningState = {
  /** Served at all: a module that never compiled can be neither answered nor completed. */
  available: boolean;
  quizzes: Record<string, QuizState>;
  quizzesPassed: number;
  completed: boolean;
  completedAt: string | null;
  /** The module changed since the rep's certification and must be re-taken. */
  refreshDue: boolean;
  /** The page offers "Mark module complete", and the server accepts it, exactly when this holds. */
  canComplete: boolean;
  track: TrackStanding;
};

/** Why the server refuses an intent the page would not offer, or null when it is allowed. */
export function refuseModuleIntent({
  state,
  intent,
  quizId,
}: {
  state: ModuleLearningState;
  intent: "module-opened" | "answer-quiz" | "complete-module";
  quizId?: string;
}): string | null {
  if (!state.available) return "This module is unavailable right now.";
  if (intent === "answer-quiz" && quizId && state.quizzes[quizId]?.status === "correct") {
    return "You already passed this knowledge check.";
  }
  // Completing before every check is passed is refused inside completeModule's transaction.
  if (intent === "complete-module" && state.completed) return "You already completed this module.";
  return null;
}

/**
 * A rep's state in one module. Explanations and correct choices appear only for quizzes the rep
 * has already answered.
 */
export function getModuleLearningState({
  userId,
  product,
  module,
  quizKeys,
  now = new Date(),
}: {
  userId: string;
  product: Product;
  module: ModuleSummary;
  quizKeys: QuizKey[];
  now?: Date;
}): ModuleLearningState {
  const standing = getStanding({ userId, product, now });
  const { attempts } = standing;
  // The daily limit spans rounds, so it reads its own window rather than the round's attempts.
  const recentSince = now.getTime() - attemptWindowMs;
  const recentAll = listAttempts({
    userId,
    productSlug: product.slug,
    since: new Date(recentSince + 1),
  });
  const quizzes: Record<string, QuizState> = {};
  let quizzesPassed = 0;
  for (const key of quizKeys) {
    const mine = attempts.filter(
      (a) => a.quizId === key.id && a.moduleRevision === module.revision,
    );
    const recent = recentAll.filter((a) => a.quizId === key.id);
    const attemptsLeftToday = Math.max(product.policy.maxAttemptsPerDay - recent.length, 0);
    const nextAttempt = nextAttemptAt({
      recent: recent.map((a) => a.attemptedAt),
      max: product.policy.maxAttemptsPerDay,
    })?.toISOString();
    const passed = mine.find((a) => a.correct);
    const latest = passed ?? mine.at(-1);
    if (!latest) {
      quizzes[key.id] = { status: "unanswered", attemptsLeftToday, nextAttemptAt: nextAttempt };
      continue;
    }
    if (passed) quizzesPassed++;
    quizzes[key.id] = {
      status: passed ? "correct" : "incorrect",
      selected: JSON.parse(latest.selected) as string[],
      correct: passed ? key.correct : undefined,
      explanationHtml: key.explanationHtml,
      attemptsLeftToday,
      nextAttemptAt: nextAttempt,
    };
  }
  const { report } = standing;
  // A certified rep's work left is the refreshes; everyone else's, the modules not yet complete.
  const certified = report.status !== "expired" && standing.certification !== null;
  const toDo = certified ? report.modulesToRefresh : report.missingModules;
  const total = servedModules(product).length;
  const next = toDo.find((m) => m.slug !== module.slug);
  const track: TrackStanding = {
    done: total - toDo.length,
    total,
    nextModule: next ? { slug: next.slug, title: next.title } : null,
    certificationId: certified && toDo.length === 0 ? (standing.certification?.id ?? null) : null,
    belowPassMark: standing.belowPassMark,
  };
  const progress = standing.progress.find((p) => p.moduleSlug === module.slug);
  const completed = standing.report.completedModules.includes(module.slug);
  const available = module.status !== "unavailable";
  return {
    available,
    canComplete: available && !completed && quizzesPassed >= quizKeys.length,
    quizzes,
    quizzesPassed,
    completed,
    completedAt: completed && progress?.completedAt ? progress.completedAt.toISOString() : null,
    refreshDue: standing.report.modulesToRefresh.some((m) => m.slug === module.slug),
    track,
  };
}
