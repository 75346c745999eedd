import type { Handoff, HandoffEvent } from "#db/schema";

export type RepAdherence = {
  repId: string;
  repName: string;
  filed: number;
  /** Share (0–1) of handoffs where the customer was told of every friction point; null if none. */
  allFrictionDiscussed: number | null;
  /** Share of acknowledged handoffs that never went back with a question. */
  acknowledgedWithoutQuestions: number | null;
  /** Median hours from filing to the first acknowledgement. */
  medianHoursToAcknowledge: number | null;
};

export type WeekBar = { week: string; filed: number; allDiscussed: number };

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const share = (part: number, whole: number) => (whole ? part / whole : null);

export type AdherenceInput = {
  handoff: Handoff;
  repName: string;
  untoldFriction: number;
  events: HandoffEvent[];
};

/** Pure: how well each rep hands off, from the handoffs (latest versions) they filed. */
export function adherenceByRep(rows: AdherenceInput[]): RepAdherence[] {
  const byRep = new Map<string, AdherenceInput[]>();
  for (const row of rows)
    byRep.set(row.handoff.repId, [...(byRep.get(row.handoff.repId) ?? []), row]);
  return [...byRep.entries()]
    .map(([repId, list]) => {
      const acknowledged = list.filter((r) => r.events.some((e) => e.kind === "acknowledged"));
      const hours = acknowledged.map((r) => {
        const ack = r.events.find((e) => e.kind === "acknowledged")!;
        return (ack.at.getTime() - r.handoff.createdAt.getTime()) / 3_600_000;
      });
      return {
        repId,
        repName: list[0].repName,
        filed: list.length,
        allFrictionDiscussed: share(list.filter((r) => r.untoldFriction === 0).length, list.length),
        acknowledgedWithoutQuestions: share(
          acknowledged.filter((r) => !r.events.some((e) => e.kind === "questioned")).length,
          acknowledged.length,
        ),
        medianHoursToAcknowledge: median(hours),
      };
    })
    .sort((a, b) => a.repName.localeCompare(b.repName));
}

/** Monday (UTC) of the week a date falls in, as YYYY-MM-DD. */
export function weekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export function weeklyBars(rows: AdherenceInput[]): WeekBar[] {
  const weeks = new Map<string, WeekBar>();
  for (const row of rows) {
    const week = weekOf(row.handoff.createdAt);
    const bar = weeks.get(week) ?? { week, filed: 0, allDiscussed: 0 };
    bar.filed += 1;
    if (row.untoldFriction === 0) bar.allDiscussed += 1;
    weeks.set(week, bar);
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}
