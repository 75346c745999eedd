/** Pure: where reps stall on a product's journey, module by module. */

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export type StallProgressRow = {
  moduleSlug: string;
  firstOpenedAt: Date;
  completedAt: Date | null;
};
export type FirstAttempt = { moduleSlug: string; correct: boolean };

export type ModuleStall = {
  slug: string;
  title: string;
  /** Reps who opened the module. */
  reached: number;
  completed: number;
  /** Median minutes from first open to completion, over the reps who completed it. */
  medianMinutes: number | null;
  /** Share of first attempts at its questions that were wrong; null before anyone answered. */
  firstAttemptFailureRate: number | null;
  firstAttempts: number;
};

export function summariseStalls({
  modules,
  progress,
  firstAttempts,
}: {
  modules: { slug: string; title: string }[];
  progress: StallProgressRow[];
  firstAttempts: FirstAttempt[];
}): ModuleStall[] {
  return modules.map((m) => {
    const rows = progress.filter((p) => p.moduleSlug === m.slug);
    const done = rows.filter((p) => p.completedAt !== null);
    const answers = firstAttempts.filter((a) => a.moduleSlug === m.slug);
    const minutes = done.map(
      (p) => Math.max(0, p.completedAt!.getTime() - p.firstOpenedAt.getTime()) / 60_000,
    );
    return {
      slug: m.slug,
      title: m.title,
      reached: rows.length,
      completed: done.length,
      medianMinutes: median(minutes),
      firstAttemptFailureRate: answers.length
        ? answers.filter((a) => !a.correct).length / answers.length
        : null,
      firstAttempts: answers.length,
    };
  });
}

/** The module where most reps who reached it have not completed it: the "frustrating middle". */
export function worstStall(stalls: ModuleStall[]): ModuleStall | null {
  let worst: ModuleStall | null = null;
  for (const s of stalls) {
    const stuck = s.reached - s.completed;
    if (stuck > 0 && (!worst || stuck > worst.reached - worst.completed)) worst = s;
  }
  return worst;
}

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "–";
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}
