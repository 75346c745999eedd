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
  /** The current version; an edited handoff counts once. */
  handoff: Handoff;
  repName: string;
  teamName: string | null;
  untoldFriction: number;
  /** When its first version was filed: an edit does not restart the clock. */
  firstFiledAt: Date;
  /** The history of every version, so a question asked before an edit still counts. */
  events: HandoffEvent[];
};

/** Pure: how well each rep hands off, from the handoffs they filed. */
export function adherenceByRep(rows: AdherenceInput[]): RepAdherence[] {
  return groupBy(rows, (r) => r.handoff.repId)
    .map(([repId, list]) => ({ repId, repName: list[0].repName, ...summarise(list) }))
    .sort((a, b) => a.repName.localeCompare(b.repName));
}

export type TeamAdherence = Omit<RepAdherence, "repId" | "repName"> & {
  teamName: string;
  reps: number;
};

/** Pure: the same figures for each team as a whole. */
export function adherenceByTeam(rows: AdherenceInput[]): TeamAdherence[] {
  return groupBy(rows, (r) => r.teamName ?? "No team")
    .map(([teamName, list]) => ({
      teamName,
      reps: new Set(list.map((r) => r.handoff.repId)).size,
      ...summarise(list),
    }))
    .sort((a, b) => a.teamName.localeCompare(b.teamName));
}

function groupBy<T>(rows: T[], key: (row: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.entries()];
}

function summarise(list: AdherenceInput[]) {
  const acknowledged = list.filter((r) => r.events.some((e) => e.kind === "acknowledged"));
  const hours = acknowledged.map((r) => {
    const ack = r.events.find((e) => e.kind === "acknowledged")!;
    return (ack.at.getTime() - r.firstFiledAt.getTime()) / 3_600_000;
  });
  return {
    filed: list.length,
    allFrictionDiscussed: share(list.filter((r) => r.untoldFriction === 0).length, list.length),
    acknowledgedWithoutQuestions: share(
      acknowledged.filter((r) => !r.events.some((e) => e.kind === "questioned")).length,
      acknowledged.length,
    ),
    medianHoursToAcknowledge: median(hours),
  };
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
    const week = weekOf(row.firstFiledAt);
    const bar = weeks.get(week) ?? { week, filed: 0, allDiscussed: 0 };
    bar.filed += 1;
    if (row.untoldFriction === 0) bar.allDiscussed += 1;
    weeks.set(week, bar);
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}
