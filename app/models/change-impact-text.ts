import { formatDate } from "~/utils/dates";
import type { RepImpact, RevisionChange } from "./change-impact";
import { statusLabels } from "./certification-status";

/** Plain-text lines for `content:impact`: one per changed module, one per affected rep. */

const revisionText = (revision: number | null, missing: string) =>
  revision === null ? missing : `revision ${revision}`;

export function formatRevisionChange({
  product,
  change,
}: {
  product: { slug: string };
  change: RevisionChange;
}) {
  return `${product.slug}/${change.slug} "${change.title}": ${revisionText(change.liveRevision, "not live yet")} → ${revisionText(change.nextRevision, "removed")}`;
}

export function lapseText(impact: RepImpact) {
  const { before, after } = impact;
  if (after.status === "lapsed") return `lapsed since ${formatDate(after.refreshDeadline)}`;
  const lapses = `lapses ${formatDate(after.refreshDeadline)}`;
  const earlier = before.refreshDeadline?.getTime();
  if (earlier === undefined || earlier === after.refreshDeadline?.getTime()) return lapses;
  return `${lapses} (was ${formatDate(before.refreshDeadline)})`;
}

export function formatImpactLine({
  product,
  impact,
}: {
  product: { slug: string };
  impact: RepImpact;
}) {
  const modules = impact.modules
    .map(
      (m) =>
        `"${m.title}" ${m.fromRevision === null ? "new" : `r${m.fromRevision}`} → r${m.toRevision}`,
    )
    .join(", ");
  return `  ${impact.rep.email} (${impact.rep.name}) ${product.slug}: ${statusLabels[impact.before.status]} → ${statusLabels[impact.after.status]}, ${lapseText(impact)}; re-take ${modules}`;
}
