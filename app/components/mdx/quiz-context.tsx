import { createContext, useContext, type ReactNode } from "react";

/** What the page knows about one quiz after the server graded a submission (nothing before). */
export type QuizState = {
  status: "unanswered" | "correct" | "incorrect";
  selected?: string[];
  correct?: string[];
  explanationHtml?: string;
  attemptsLeftToday?: number;
  /** ISO timestamp of the next allowed attempt when none are left today. */
  nextAttemptAt?: string;
  message?: string;
};

const QuizStateContext = createContext<Record<string, QuizState>>({});

export function QuizStateProvider({
  value,
  children,
}: {
  value: Record<string, QuizState>;
  children?: ReactNode;
}) {
  return <QuizStateContext.Provider value={value}>{children}</QuizStateContext.Provider>;
}

export function useQuizState(quizId: string): QuizState {
  return useContext(QuizStateContext)[quizId] ?? { status: "unanswered" };
}
