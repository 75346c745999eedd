import { and, eq, sql } from "drizzle-orm";
import { certifications, enrolments, moduleProgress, users } from "#db/schema";
import { readProductFolder, type FolderProduct } from "~/content/folder-revisions.server";
import { revisionsFirstSeen, type LiveProduct } from "~/content/live-revisions.server";
import type { Product } from "~/content/types";
import { getDb, type Db } from "~/utils/db.server";
import { revisionsSeenAt } from "./certification.server";
import {
  changeImpact,
  refreshProgress,
  trackWithBump,
  revisionChanges,
  trackAfterChange,
  type CertifiedRep,
  type RepImpact,
  type RevisionChange,
} from "./change-impact";
import type {
  CertificationStatus,
  CertifiedModule,
  CurrentModule,
  ProgressRow,
} from "./certification-status";

/** Every active certification on a product with what its status is derived from, in three queries. */
export function listCertifiedReps({
  db,
  productSlug,
}: {
  db: Db;
  productSlug: string;
}): CertifiedRep[] {
  const rows = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      issuedAt: certifications.issuedAt,
      expiresAt: certifications.expiresAt,
      modules: certifications.modules,
    })
    .from(certifications)
    .innerJoin(users, eq(users.id, certifications.userId))
    .where(
      and(
        eq(certifications.productSlug, productSlug),
        sql`${certifications.state} = 'active'`,
        eq(users.disabled, false),
      ),
    )
    .all();
  const progress = new Map<string, ProgressRow[]>();
  for (const row of db
    .select()
    .from(moduleProgress)
    .where(eq(moduleProgress.productSlug, productSlug))
    .all()) {
    const list = progress.get(row.userId) ?? [];
    list.push(row);
    progress.set(row.userId, list);
  }
  const rounds = new Map(
    db
      .select()
      .from(enrolments)
      .where(eq(enrolments.productSlug, productSlug))
      .all()
      .map((row) => [row.userId, row.roundStartedAt]),
  );
  return rows.map((row) => ({
    rep: { id: row.id, name: row.name, email: row.email },
    certification: {
      issuedAt: row.issuedAt,
      expiresAt: row.expiresAt,
      modules: JSON.parse(row.modules) as CertifiedModule[],
    },
    progress: progress.get(row.id) ?? [],
    roundStartedAt: rounds.get(row.id) ?? null,
  }));
}

export type FolderImpact = {
  slug: string;
  name: string;
  changes: RevisionChange[];
  impact: RepImpact[];
  problems: FolderProduct["problems"];
};

/**
 * What serving a content folder would do to the reps certified on one of its products, compared
 * with what the database serves now. An edit whose revision cannot be read keeps the live one.
 */
export function folderImpact({
  db,
  folder,
  live,
  now,
}: {
  db: Db;
  folder: FolderProduct;
  live: (Pick<LiveProduct, "policy"> & { modules: CurrentModule[] }) | null;
  now: Date;
}): FolderImpact {
  const liveModules: CurrentModule[] = live?.modules ?? [];
  const next = folder.modules.map((m) => ({
    slug: m.slug,
    title: m.title,
    revision: m.revision ?? liveModules.find((l) => l.slug === m.slug)?.revision ?? 1,
  }));
  const changes = revisionChanges({ live: liveModules, next });
  const reps = live && changes.length ? listCertifiedReps({ db, productSlug: folder.slug }) : [];
  const policy = folder.policy ?? live?.policy;
  const impact = policy
    ? changeImpact({
        reps,
        policy,
        live: liveModules,
        next: trackAfterChange({ live: liveModules, next, now }),
        now,
      })
    : [];
  return { slug: folder.slug, name: folder.name, changes, impact, problems: folder.problems };
}

/** One rep a content change touches, as the impact table shows them. */
export type ImpactRow = {
  name: string;
  email: string;
  before: CertificationStatus;
  after: CertificationStatus;
  lapses: string | null;
  lapsesBefore: string | null;
  modules: string[];
};

function toRows(impact: RepImpact[]): ImpactRow[] {
  return impact.map((i) => ({
    name: i.rep.name,
    email: i.rep.email,
    before: i.before.status,
    after: i.after.status,
    lapses: i.after.refreshDeadline?.toISOString() ?? null,
    lapsesBefore: i.before.refreshDeadline?.toISOString() ?? null,
    modules: i.modules.map((m) => m.title),
  }));
}

/**
 * One product's change impact for the author's page: edits on disk that are not live yet, what a
 * bump of `bumpSlug` would do, and how far reps have got with the revisions already live.
 */
export function getProductImpact({
  product,
  bumpSlug,
  now = new Date(),
}: {
  product: Product;
  bumpSlug?: string | null;
  now?: Date;
}) {
  const db = getDb();
  const live = revisionsSeenAt({ product });
  const reps = listCertifiedReps({ db, productSlug: product.slug });
  const folder = readProductFolder({ slug: product.slug, dir: product.dir });
  const pending = folderImpact({
    db,
    folder,
    live: { policy: product.policy, modules: live },
    now,
  });
  const seen = revisionsFirstSeen({ db, productSlug: product.slug });
  const progress = live.flatMap((module) => {
    const earlier = [...seen.keys()]
      .filter((key) => key.startsWith(`${module.slug}@`))
      .map((key) => Number(key.slice(module.slug.length + 1)))
      .filter((revision) => revision < module.revision);
    const result = refreshProgress({
      reps,
      policy: product.policy,
      live,
      slug: module.slug,
      previousRevision: earlier.length ? Math.max(...earlier) : null,
      now,
    });
    return result && result.affected > 0
      ? [
          {
            slug: result.slug,
            title: result.title,
            revision: result.revision,
            liveSince: result.liveSince.toISOString(),
            affected: result.affected,
            retaken: result.retaken,
            due: result.due.map((d) => ({
              name: d.rep.name,
              email: d.rep.email,
              status: d.status,
              lapses: d.refreshDeadline?.toISOString() ?? null,
            })),
          },
        ]
      : [];
  });
  const bumped = bumpSlug ? live.find((m) => m.slug === bumpSlug) : undefined;
  return {
    slug: product.slug,
    name: product.name,
    graceDays: product.policy.refreshGraceDays,
    certified: reps.length,
    modules: live.map((m) => ({ slug: m.slug, title: m.title, revision: m.revision })),
    pending: { changes: pending.changes, reps: toRows(pending.impact) },
    bump: bumped
      ? {
          slug: bumped.slug,
          title: bumped.title,
          from: bumped.revision,
          reps: toRows(
            changeImpact({
              reps,
              policy: product.policy,
              live,
              next: trackWithBump({ live, slug: bumped.slug, now }),
              now,
            }),
          ),
        }
      : null,
    progress,
  };
}
