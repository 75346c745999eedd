import { and, eq, sql } from "drizzle-orm";
import { certifications, enrolments, moduleProgress, users } from "#db/schema";
import type { FolderProduct } from "~/content/folder-revisions.server";
import type { LiveProduct } from "~/content/live-revisions.server";
import type { Db } from "~/utils/db.server";
import {
  changeImpact,
  revisionChanges,
  trackAfterChange,
  type CertifiedRep,
  type RepImpact,
  type RevisionChange,
} from "./change-impact";
import type { CertifiedModule, CurrentModule, ProgressRow } from "./certification-status";

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
  live: LiveProduct | null;
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
