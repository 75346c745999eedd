import { listServedSources } from "~/content/live-revisions.server";
import type { ModuleSummary } from "~/content/types";
import { getDb } from "~/utils/db.server";
import { diffSources } from "./module-changes.server";
import type { DiffHunk } from "./module-diff";

export type HistoryEntry = {
  hash: string;
  revision: number;
  path: string;
  firstServedAt: string;
  /** Reps are served this one now. */
  current: boolean;
  /** Against the version served before it; null for the first. */
  change: { fromRevision: number; hunks: DiffHunk[]; added: number; removed: number } | null;
};

/**
 * Every version of a module reps were served, newest first, each compared with the one before.
 * Authors read it, so the answer keys stay in the diff.
 */
export function getModuleHistory({
  productSlug,
  module,
}: {
  productSlug: string;
  module: Pick<ModuleSummary, "slug" | "shownSourceHash">;
}): HistoryEntry[] {
  const sources = listServedSources({ db: getDb(), productSlug, moduleSlug: module.slug });
  return sources
    .map((source, i) => {
      const previous = sources[i - 1];
      return {
        hash: source.hash,
        revision: source.revision,
        path: source.path,
        firstServedAt: source.firstSeenAt.toISOString(),
        current: source.hash === module.shownSourceHash,
        change: previous
          ? {
              fromRevision: previous.revision,
              ...diffSources({ before: previous.source, after: source.source, showAnswers: true }),
            }
          : null,
      };
    })
    .reverse();
}
