import { dayMs } from "~/utils/dates";

/** Pure: week by week over the last 12 weeks, certifications held and modules completed. */

export type HeldSpan = { userId: string; productSlug: string; issuedAt: Date; expiresAt: Date };
export type TrendWeek = {
  /** The end of the week (the last one ends now). */
  end: Date;
  /** Rep × product certifications held at the end of the week. */
  held: number;
  /** Modules completed during the week. */
  completions: number;
};

export const trendWeeks = 12;

/**
 * A certification is held from its issue until it expires or the next one for the same rep and
 * product is issued (a re-certification supersedes it).
 */
export function weeklyTrend({
  certifications,
  completions,
  now,
  weeks = trendWeeks,
}: {
  certifications: HeldSpan[];
  completions: Date[];
  now: Date;
  weeks?: number;
}): TrendWeek[] {
  const byPair = new Map<string, HeldSpan[]>();
  for (const c of certifications) {
    const k = `${c.userId}/${c.productSlug}`;
    byPair.set(k, [...(byPair.get(k) ?? []), c]);
  }
  const spans: { from: number; to: number }[] = [];
  for (const list of byPair.values()) {
    list.sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
    list.forEach((c, i) => {
      const next = list[i + 1]?.issuedAt.getTime() ?? Infinity;
      spans.push({ from: c.issuedAt.getTime(), to: Math.min(c.expiresAt.getTime(), next) });
    });
  }
  const result: TrendWeek[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const end = now.getTime() - w * 7 * dayMs;
    const start = end - 7 * dayMs;
    result.push({
      end: new Date(end),
      held: spans.filter((s) => s.from <= end && s.to > end).length,
      completions: completions.filter((d) => d.getTime() > start && d.getTime() <= end).length,
    });
  }
  return result;
}
