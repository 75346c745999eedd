import type { CertificationStatus } from "~/models/certification-status";

export type DigestStanding = {
  repName: string;
  productSlug: string;
  productName: string;
  status: CertificationStatus;
  /** ISO time; set while a refresh is due or lapsed. */
  refreshDeadline: string | null;
};

export type DigestCounts = Record<CertificationStatus, number>;

export type TeamDigest = {
  products: { slug: string; name: string; counts: DigestCounts }[];
  lapsed: { repName: string; productName: string; since: string | null }[];
  /** Refreshes due, the nearest deadline first. */
  dueSoonest: { repName: string; productName: string; deadline: string }[];
  totals: DigestCounts;
};

const emptyCounts = (): DigestCounts => ({
  not_started: 0,
  in_progress: 0,
  certified: 0,
  refresh_due: 0,
  lapsed: 0,
  expired: 0,
});

/** Pure: a team's standings, rep × product, summed per product with who needs attention first. */
export function summarizeTeam({
  products,
  standings,
}: {
  products: { slug: string; name: string }[];
  standings: DigestStanding[];
}): TeamDigest {
  const totals = emptyCounts();
  const summary = products.map((product) => {
    const counts = emptyCounts();
    for (const s of standings) {
      if (s.productSlug !== product.slug) continue;
      counts[s.status] += 1;
      totals[s.status] += 1;
    }
    return { ...product, counts };
  });
  const byName = (a: { repName: string }, b: { repName: string }) =>
    a.repName.localeCompare(b.repName);
  return {
    products: summary,
    lapsed: standings
      .filter((s) => s.status === "lapsed")
      .map((s) => ({ repName: s.repName, productName: s.productName, since: s.refreshDeadline }))
      .sort(byName),
    dueSoonest: standings
      .flatMap((s) =>
        s.status === "refresh_due" && s.refreshDeadline
          ? [{ repName: s.repName, productName: s.productName, deadline: s.refreshDeadline }]
          : [],
      )
      .sort((a, b) => a.deadline.localeCompare(b.deadline) || byName(a, b)),
    totals,
  };
}
