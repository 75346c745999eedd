import type { Product } from "~/content/types";
import { formatDate } from "~/utils/dates";
import { getProduct } from "~/content/content.server";
import { getStanding, type Standing } from "./certification.server";
import { isClearedToPitch, statusLabels, type CertificationStatus } from "./certification-status";

export type PitchEligibility = {
  productSlug: string;
  productName: string;
  cleared: boolean;
  status: CertificationStatus;
  statusLabel: string;
  /** Plain sentences a rep, a manager or a CRM user can read as they are. */
  reasons: string[];
  missingModules: { slug: string; title: string }[];
  modulesToRefresh: { slug: string; title: string; dueSince: string }[];
  expiresAt: string | null;
  refreshDeadline: string | null;
  certificationId: string | null;
  certifiedAt: string | null;
};

const list = (items: { title: string }[]) => items.map((m) => m.title).join(", ");

export function describeEligibility({
  product,
  standing,
}: {
  product: Product;
  standing: Standing;
}): PitchEligibility {
  const { report, certification } = standing;
  const reasons: string[] = [];
  switch (report.status) {
    case "certified":
      reasons.push(`Certified until ${formatDate(report.expiresAt!)}.`);
      break;
    case "refresh_due":
      reasons.push(
        `The customer's journey changed: re-take ${list(report.modulesToRefresh)} by ${formatDate(report.refreshDeadline!)}.`,
      );
      break;
    case "lapsed":
      reasons.push(
        `Refresh overdue since ${formatDate(report.refreshDeadline!)}: re-take ${list(report.modulesToRefresh)}.`,
      );
      break;
    case "expired":
      reasons.push(
        `Certification expired on ${formatDate(report.expiresAt!)}: re-take the whole track.`,
      );
      break;
    default:
      if (product.modules.length === 0) reasons.push("This product has no modules yet.");
  }
  if (report.missingModules.length && report.status !== "certified") {
    const n = report.missingModules.length;
    reasons.push(
      `${n} of ${product.modules.length} modules still to complete: ${list(report.missingModules)}.`,
    );
  }
  if (standing.belowPassMark) {
    reasons.push(
      `First-attempt score ${Math.round(standing.score * 100)}% is below the ${Math.round(product.policy.passMark * 100)}% pass mark: your manager can grant a re-take of the track.`,
    );
  }
  return {
    productSlug: product.slug,
    productName: product.name,
    cleared: isClearedToPitch(report.status),
    status: report.status,
    statusLabel: statusLabels[report.status],
    reasons,
    missingModules: report.missingModules,
    modulesToRefresh: report.modulesToRefresh.map((m) => ({
      slug: m.slug,
      title: m.title,
      dueSince: m.dueSince.toISOString(),
    })),
    expiresAt: report.expiresAt?.toISOString() ?? null,
    refreshDeadline: report.refreshDeadline?.toISOString() ?? null,
    certificationId: certification && report.status !== "expired" ? certification.id : null,
    certifiedAt:
      certification && report.status !== "expired" ? certification.issuedAt.toISOString() : null,
  };
}

/** Whether a rep may pitch a product, and why not. Null when the product does not exist. */
export async function getPitchEligibility({
  userId,
  productSlug,
  now = new Date(),
}: {
  userId: string;
  productSlug: string;
  now?: Date;
}): Promise<PitchEligibility | null> {
  const product = await getProduct({ productSlug });
  if (!product) return null;
  return describeEligibility({ product, standing: getStanding({ userId, product, now }) });
}
