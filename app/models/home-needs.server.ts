import type { User } from "#db/schema";
import { readProductFolder } from "~/content/folder-revisions.server";
import type { Product } from "~/content/types";
import { dayMs } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { folderImpact } from "./change-impact.server";
import { revisionsSeenAt } from "./certification.server";
import { countDeliveries } from "./delivery-log.server";
import { countFrictionFlags } from "./friction.server";
import { listHandoffsFor } from "./handoff.server";
import { listDueStatuses } from "./readiness.server";
import { resolveViewerScope } from "./rep-scope.server";

/** What each role's home answers first: what needs this person today. Reads only. */

const reminderWindowDays = 7;

/** Refreshes that lapse within a week in the viewer's scope: the reps worth a reminder today. */
export function countRefreshesToRemind({ viewer, now = new Date() }: { viewer: User; now?: Date }) {
  const { scope } = resolveViewerScope({ viewer });
  if (!scope) return 0;
  const until = new Date(now.getTime() + reminderWindowDays * dayMs);
  return listDueStatuses({ scope, now, until }).filter(
    (r) =>
      r.status === "refresh_due" &&
      r.refreshDeadline !== null &&
      r.refreshDeadline.getTime() > now.getTime() &&
      r.refreshDeadline.getTime() <= until.getTime(),
  ).length;
}

/** Deliveries that gave up (webhooks, xAPI, email, Slack), for the admin's integration health. */
export function countFailedDeliveries() {
  const counts = countDeliveries();
  return Object.values(counts).reduce((n, c) => n + c.failed, 0);
}

export function getAuthorNeeds({
  products,
  now = new Date(),
}: {
  products: Product[];
  now?: Date;
}) {
  const problems = products.flatMap((p) =>
    p.modules
      .filter((m) => m.status !== "ready")
      .map((m) => ({
        productSlug: p.slug,
        productName: p.name,
        title: m.title,
        status: m.status,
        error: m.error ?? null,
      })),
  );
  const diagnostics = products.flatMap((p) => p.diagnostics);
  const flags = countFrictionFlags();
  const byModule = flags
    .filter((f) => f.open > 0)
    .sort((a, b) => b.open - a.open)
    .map((f) => {
      const product = products.find((p) => p.slug === f.productSlug);
      const module = product?.modules.find((m) => m.slug === f.moduleSlug);
      return {
        key: `${f.productSlug}/${f.moduleSlug}`,
        productName: product?.name ?? f.productSlug,
        title: module?.title ?? f.moduleSlug,
        open: f.open,
      };
    });
  const db = getDb();
  const waiting = products.flatMap((product) => {
    const pending = folderImpact({
      db,
      folder: readProductFolder({ slug: product.slug, dir: product.dir }),
      live: { policy: product.policy, modules: revisionsSeenAt({ product }) },
      now,
    });
    return pending.changes.length
      ? [
          {
            productSlug: product.slug,
            productName: product.name,
            modules: pending.changes.map((c) => c.title),
            reps: pending.impact.length,
          },
        ]
      : [];
  });
  return {
    problems,
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity !== "error").length,
    openFlags: byModule.reduce((n, m) => n + m.open, 0),
    flaggedModules: byModule.slice(0, 3),
    waiting,
  };
}

/** Handoffs a CSM has to read and answer, oldest first; and how many wait on a rep's reply. */
export function getCsmNeeds({ viewer, products }: { viewer: User; products: Product[] }) {
  const rows = listHandoffsFor({ viewer });
  const toAnswer = rows
    .filter((r) => r.handoff.state === "submitted")
    .sort((a, b) => a.handoff.createdAt.getTime() - b.handoff.createdAt.getTime());
  return {
    toAnswer: toAnswer.slice(0, 5).map(({ handoff, repName }) => ({
      id: handoff.id,
      accountName: handoff.accountName,
      productName:
        products.find((p) => p.slug === handoff.productSlug)?.name ?? handoff.productSlug,
      repName,
      goLiveTarget: handoff.goLiveTarget,
      filedAt: handoff.createdAt.toISOString(),
    })),
    toAnswerCount: toAnswer.length,
    waitingOnRep: rows.filter((r) => r.handoff.state === "questioned").length,
  };
}
