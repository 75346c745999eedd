import { dayMs } from "~/utils/dates";
import type { ReadinessCell } from "./readiness";

/** Pure: certifications that lapse (refresh deadline) or expire in the next `days` days. */

export type DueItem = {
  rep: { id: string; name: string; email: string; teamName: string | null };
  productSlug: string;
  productName: string;
  kind: "lapses" | "expires";
  due: Date;
  daysLeft: number;
  modules: { slug: string; title: string }[];
};

export const dueWindowDays = 30;

export function listDueSoon({
  rows,
  products,
  now,
  days = dueWindowDays,
}: {
  rows: {
    rep: { id: string; name: string; email: string; teamName: string | null };
    cells: ReadinessCell[];
  }[];
  products: { slug: string; name: string }[];
  now: Date;
  days?: number;
}): DueItem[] {
  const until = now.getTime() + days * dayMs;
  const items: DueItem[] = [];
  const within = (d: Date | null): d is Date =>
    d !== null && d.getTime() > now.getTime() && d.getTime() <= until;
  for (const { rep, cells } of rows) {
    cells.forEach((cell, i) => {
      const base = { rep, productSlug: cell.productSlug, productName: products[i].name };
      const left = (d: Date) => Math.ceil((d.getTime() - now.getTime()) / dayMs);
      if (cell.status === "refresh_due" && within(cell.refreshDeadline)) {
        const due = cell.refreshDeadline;
        items.push({
          ...base,
          kind: "lapses",
          due,
          daysLeft: left(due),
          modules: cell.modulesToRefresh,
        });
      }
      if (
        (cell.status === "certified" || cell.status === "refresh_due") &&
        within(cell.expiresAt)
      ) {
        const due = cell.expiresAt;
        items.push({ ...base, kind: "expires", due, daysLeft: left(due), modules: [] });
      }
    });
  }
  return items.sort((a, b) => a.due.getTime() - b.due.getTime());
}
