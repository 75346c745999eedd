import { getProduct } from "~/content/content.server";
import { getCertificationById, getStanding } from "./certification.server";
import { getUserById } from "./user.server";
import { isClearedToPitch, statusLabels, type CertificationStatus } from "./certification-status";

export type PublicCertificate = {
  id: string;
  holderName: string;
  productName: string;
  issuedAt: string;
  expiresAt: string;
  /** "superseded": a newer certification replaced it; "inactive": holder disabled or product gone. */
  status: CertificationStatus | "superseded" | "inactive";
  statusLabel: string;
  valid: boolean;
  /** When a refresh is or was due; the date a lapse counts from. */
  refreshDeadline: string | null;
};

/** What anyone holding the verify link may see: no email, no scores, no module detail. */
export async function getPublicCertificate({
  id,
}: {
  id: string;
}): Promise<PublicCertificate | null> {
  const certification = getCertificationById({ id });
  if (!certification) return null;
  const holder = getUserById({ id: certification.userId });
  if (!holder) return null;
  const product = await getProduct({ productSlug: certification.productSlug });
  const base = {
    id: certification.id,
    holderName: holder.name,
    productName: product?.name ?? certification.productSlug,
    issuedAt: certification.issuedAt.toISOString(),
    expiresAt: certification.expiresAt.toISOString(),
    refreshDeadline: null,
  };
  if (certification.state === "superseded") {
    return {
      ...base,
      status: "superseded",
      statusLabel: "Replaced by a newer certification",
      valid: false,
    };
  }
  if (holder.disabled || !product) {
    const statusLabel = product ? "No longer active" : "The product is no longer offered";
    return { ...base, status: "inactive", statusLabel, valid: false };
  }
  const { status, refreshDeadline } = getStanding({ userId: holder.id, product }).report;
  return {
    ...base,
    refreshDeadline: refreshDeadline?.toISOString() ?? null,
    status,
    statusLabel: statusLabels[status],
    valid: isClearedToPitch(status),
  };
}
