import { dayMs } from "~/utils/dates";
import type { CertificationStatus } from "./certification-status";

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

export type DueStanding = {
  rep: DueItem["rep"];
  productSlug: string;
  status: CertificationStatus;
  refreshDeadline: Date | null;
  expiresAt: Date | null;
  /** Slugs of the modules awaiting a re-take. */
  refreshModules: string[];
};

type ProductRef = { slug: string; name: string; modules: { slug: string; title: string }[] };

export const dueWindowDays = 30;

export function dueWindowEnd(now: Date, days = dueWindowDays) {
  return new Date(now.getTime() + days * dayMs);
}

export function listDueSoon({
  rows,
  products,
  now,
  days = dueWindowDays,
}: {
  rows: DueStanding[];
  products: ProductRef[];
  now: Date;
  days?: number;
}): DueItem[] {
  const until = dueWindowEnd(now, days).getTime();
  const bySlug = new Map(products.map((p) => [p.slug, p]));
  const items: DueItem[] = [];
  const within = (d: Date | null): d is Date =>
    d !== null && d.getTime() > now.getTime() && d.getTime() <= until;
  const left = (d: Date) => Math.ceil((d.getTime() - now.getTime()) / dayMs);
  for (const row of rows) {
    const product = bySlug.get(row.productSlug);
    if (!product) continue;
    const base = { rep: row.rep, productSlug: product.slug, productName: product.name };
    if (row.status === "refresh_due" && within(row.refreshDeadline)) {
      const titles = new Map(product.modules.map((m) => [m.slug, m.title]));
      items.push({
        ...base,
        kind: "lapses",
        due: row.refreshDeadline,
        daysLeft: left(row.refreshDeadline),
        modules: row.refreshModules.map((slug) => ({ slug, title: titles.get(slug) ?? slug })),
      });
    }
    if ((row.status === "certified" || row.status === "refresh_due") && within(row.expiresAt)) {
      const due = row.expiresAt;
      items.push({ ...base, kind: "expires", due, daysLeft: left(due), modules: [] });
    }
  }
  return items.sort((a, b) => a.due.getTime() - b.due.getTime());
}
