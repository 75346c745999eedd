/** Pure: how a rep did on each question the first time, and how long each module took. */

export type QuestionResult = {
  quizId: string;
  question: string;
  /** The first answer in the current round: never which choice was right. */
  firstAttempt: "passed" | "failed" | "not_answered";
  attempts: number;
};

export function questionResults({
  quizzes,
  attempts,
}: {
  quizzes: { id: string; question: string }[];
  attempts: { quizId: string; correct: boolean }[];
}): QuestionResult[] {
  return quizzes.map((q) => {
    const own = attempts.filter((a) => a.quizId === q.id);
    return {
      quizId: q.id,
      question: q.question,
      firstAttempt: own.length === 0 ? "not_answered" : own[0].correct ? "passed" : "failed",
      attempts: own.length,
    };
  });
}

export function minutesBetween(from: Date, to: Date | null): number | null {
  return to ? Math.max(0, (to.getTime() - from.getTime()) / 60_000) : null;
}
