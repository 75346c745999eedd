import { getProduct } from "~/content/content.server";
import { getCertificationById, getStanding } from "./certification.server";
import { getUserById } from "./user.server";
import { statusLabels, type CertificationStatus } from "./certification-status";

export type PublicCertificate = {
  id: string;
  holderName: string;
  productName: string;
  issuedAt: string;
  expiresAt: string;
  status: CertificationStatus | "superseded";
  statusLabel: string;
  valid: boolean;
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
  };
  if (certification.state === "superseded" || !product) {
    return {
      ...base,
      status: "superseded",
      statusLabel: "Replaced by a newer certification",
      valid: false,
    };
  }
  const { report } = getStanding({ userId: holder.id, product });
  const status = holder.disabled ? "expired" : report.status;
  return {
    ...base,
    status,
    statusLabel: holder.disabled ? "No longer active" : statusLabels[status],
    valid: !holder.disabled && (status === "certified" || status === "refresh_due"),
  };
}
