import { readProductFolder, type FolderProduct } from "~/content/folder-revisions.server";
import { revisionsFirstSeen, type LiveProduct } from "~/content/live-revisions.server";
import type { Product } from "~/content/types";
import { getDb, type Db } from "~/utils/db.server";
import { getDatabaseVersion } from "~/utils/db-version.server";
import { preparedQuery } from "~/utils/prepared-query.server";
import { cachedWhile } from "~/utils/ttl-cache.server";
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

// Hand-written and mapped by hand: at ten thousand reps these rows are most of the page's work.
// Each read starts from the product's active certifications, so only certified reps' rows are read.
const certifiedRows = preparedQuery((db) =>
  db.$client.prepare<
    [string],
    {
      id: string;
      name: string;
      email: string;
      issuedAt: number;
      expiresAt: number;
      modules: string;
    }
  >(
    `SELECT u.id, u.name, u.email, c.issued_at AS issuedAt, c.expires_at AS expiresAt, c.modules
       FROM certifications c JOIN users u ON u.id = c.user_id
       WHERE c.product_slug = ? AND c.state = 'active' AND u.disabled = 0`,
  ),
);

const certifiedProgress = preparedQuery((db) =>
  db.$client.prepare<
    [string],
    {
      userId: string;
      moduleSlug: string;
      firstOpenedAt: number;
      completedAt: number | null;
      completedRevision: number | null;
    }
  >(
    `SELECT p.user_id AS userId, p.module_slug AS moduleSlug, p.first_opened_at AS firstOpenedAt,
         p.completed_at AS completedAt, p.completed_revision AS completedRevision
       FROM certifications c
       JOIN module_progress p ON p.user_id = c.user_id AND p.product_slug = c.product_slug
       WHERE c.product_slug = ? AND c.state = 'active'`,
  ),
);

const certifiedRounds = preparedQuery((db) =>
  db.$client.prepare<[string], { userId: string; roundStartedAt: number }>(
    `SELECT e.user_id AS userId, e.round_started_at AS roundStartedAt
       FROM certifications c
       JOIN enrolments e ON e.user_id = c.user_id AND e.product_slug = c.product_slug
       WHERE c.product_slug = ? AND c.state = 'active'`,
  ),
);

/** Every active certification on a product with what its status is derived from, in three reads. */
export function listCertifiedReps({
  db,
  productSlug,
}: {
  db: Db;
  productSlug: string;
}): CertifiedRep[] {
  const progress = new Map<string, ProgressRow[]>();
  for (const row of certifiedProgress(db).all(productSlug)) {
    const list = progress.get(row.userId) ?? [];
    list.push({
      moduleSlug: row.moduleSlug,
      firstOpenedAt: new Date(row.firstOpenedAt),
      completedAt: row.completedAt === null ? null : new Date(row.completedAt),
      completedRevision: row.completedRevision,
    });
    progress.set(row.userId, list);
  }
  const rounds = new Map(
    certifiedRounds(db)
      .all(productSlug)
      .map((row) => [row.userId, new Date(row.roundStartedAt)]),
  );
  return certifiedRows(db)
    .all(productSlug)
    .map((row) => ({
      rep: { id: row.id, name: row.name, email: row.email },
      certification: {
        issuedAt: new Date(row.issuedAt),
        expiresAt: new Date(row.expiresAt),
        modules: JSON.parse(row.modules) as CertifiedModule[],
      },
      progress: progress.get(row.id) ?? [],
      roundStartedAt: rounds.get(row.id) ?? null,
    }));
}

/** Each module's revision on disk; one whose revision cannot be read keeps the live one. */
function folderRevisions({ folder, live }: { folder: FolderProduct; live: CurrentModule[] }) {
  return folder.modules.map((m) => ({
    slug: m.slug,
    title: m.title,
    revision: m.revision ?? live.find((l) => l.slug === m.slug)?.revision ?? 1,
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
  const next = folderRevisions({ folder, live: liveModules });
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

const certifiedCount = preparedQuery((db) =>
  db.$client
    .prepare<[string], number>(
      `SELECT count(*) FROM certifications c JOIN users u ON u.id = c.user_id
       WHERE c.product_slug = ? AND c.state = 'active' AND u.disabled = 0`,
    )
    .pluck(),
);

/** What the all-products view shows of a product: counts, and the rep lists only when a change waits. */
export function getImpactSummary({ product, now = new Date() }: { product: Product; now?: Date }) {
  const folder = readProductFolder({ slug: product.slug, dir: product.dir });
  const live = revisionsSeenAt({ product });
  const changes = revisionChanges({ live, next: folderRevisions({ folder, live }) });
  const waiting = changes.length ? getProductImpact({ product, now }).pending : null;
  return {
    slug: product.slug,
    name: product.name,
    certified: certifiedCount().get(product.slug) ?? 0,
    waiting: waiting && {
      modules: waiting.changes.map((c) => c.title),
      reps: waiting.reps.length,
    },
  };
}

/**
 * One product's change impact for the author's page: edits on disk that are not live yet, what a
 * bump of `bumpSlug` would do, and how far reps have got with the revisions already live.
 * At ten thousand reps this takes a good part of a second, so it is kept until the next database
 * write, the next change on disk, or the next hour (deadlines move with time alone).
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
  const live = revisionsSeenAt({ product });
  const folder = readProductFolder({ slug: product.slug, dir: product.dir });
  const key = JSON.stringify([
    "impact",
    product.slug,
    bumpSlug ?? null,
    now.toISOString().slice(0, 13),
    product.policy,
    live,
    folder,
  ]);
  return cachedWhile({
    key,
    version: getDatabaseVersion(),
    compute: () => computeProductImpact({ product, live, folder, bumpSlug, now }),
  });
}

function computeProductImpact({
  product,
  live,
  folder,
  bumpSlug,
  now,
}: {
  product: Product;
  live: CurrentModule[];
  folder: FolderProduct;
  bumpSlug?: string | null;
  now: Date;
}) {
  const db = getDb();
  const reps = listCertifiedReps({ db, productSlug: product.slug });
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
