import { structuredPatch } from "diff";
import { getModuleSourceByHash } from "~/content/content.server";
import type { ModuleSummary } from "~/content/types";
import type { CertifiedModule } from "./certification-status";
import type { DiffHunk, DiffLine } from "./module-diff";
import { diffReading, type ReadingDiff } from "./reading-diff";
import { redactQuizAnswers } from "./redact-quiz-answers";

export type { DiffHunk, DiffLine } from "./module-diff";

export type ModuleChanges =
  | {
      kind: "diff";
      fromRevision: number;
      toRevision: number;
      hunks: DiffHunk[];
      added: number;
      removed: number;
      reading: ReadingDiff;
    }
  | { kind: "unavailable"; reason: string };

/** A line diff of two module sources; answers are hidden unless the reader is an author. */
export function diffSources({
  before,
  after,
  showAnswers = false,
}: {
  before: string;
  after: string;
  showAnswers?: boolean;
}) {
  const shown = (source: string) => (showAnswers ? source : redactQuizAnswers(source));
  const patch = structuredPatch("before", "after", shown(before), shown(after), "", "", {
    context: 3,
  });
  let added = 0;
  let removed = 0;
  const hunks = patch.hunks.map((hunk) => {
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    const lines: DiffLine[] = [];
    for (const raw of hunk.lines) {
      const text = raw.slice(1);
      if (raw.startsWith("\\")) continue;
      if (raw.startsWith("+")) {
        added++;
        lines.push({ kind: "added", text, newLine: newLine++ });
      } else if (raw.startsWith("-")) {
        removed++;
        lines.push({ kind: "removed", text, oldLine: oldLine++ });
      } else {
        lines.push({ kind: "same", text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
    return {
      header: `Lines ${hunk.newStart}–${hunk.newStart + Math.max(hunk.newLines - 1, 0)}`,
      lines,
    };
  });
  return { hunks, added, removed };
}

/** What changed in a module between the source a rep was certified on and today's. */
export function getModuleChanges({
  certified,
  module,
}: {
  certified: CertifiedModule | undefined;
  module: ModuleSummary;
}): ModuleChanges {
  if (!certified) {
    return {
      kind: "unavailable",
      reason: "This module is new since you were certified: take it in full.",
    };
  }
  const before = getModuleSourceByHash(certified.sourceHash);
  const after = getModuleSourceByHash(module.sourceHash);
  if (!before || !after) {
    return {
      kind: "unavailable",
      reason: "The earlier version of this module was not kept, so there is nothing to compare.",
    };
  }
  return {
    kind: "diff",
    fromRevision: certified.revision,
    toRevision: module.revision,
    ...diffSources({ before: before.source, after: after.source }),
    reading: diffReading({
      before: redactQuizAnswers(before.source),
      after: redactQuizAnswers(after.source),
    }),
  };
}
