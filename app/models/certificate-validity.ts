import { formatDate } from "~/utils/dates";
import type { CertificationStatus } from "./certification-status";

export type ValidityInput = {
  status: CertificationStatus | "superseded" | "inactive";
  expiresAt: string | Date;
  refreshDeadline: string | Date | null;
};

/**
 * One account of a certificate's status and dates, used wherever it is shown (certificate, verify
 * page, product page), so a lapsed certificate never reads as "valid until" a later date.
 */
export function describeValidity({ status, expiresAt, refreshDeadline }: ValidityInput): {
  dates: { label: string; value: string }[];
  sentence: string;
} {
  const expires = formatDate(expiresAt);
  const deadline = formatDate(refreshDeadline);
  switch (status) {
    case "certified":
      return {
        dates: [{ label: "Valid until", value: expires }],
        sentence: `Valid until ${expires}.`,
      };
    case "refresh_due":
      return {
        dates: [
          { label: "Refresh due by", value: deadline },
          { label: "Valid until", value: expires },
        ],
        sentence: `Valid until ${expires}, provided a module that changed is re-taken by ${deadline}.`,
      };
    case "lapsed":
      return {
        dates: [
          { label: "Lapsed on", value: deadline },
          { label: "Term ends", value: expires },
        ],
        sentence: `Not valid since ${deadline}: a module changed and was not re-taken in time. Re-taking it makes the certificate valid again, until ${expires}.`,
      };
    case "expired":
      return {
        dates: [{ label: "Expired on", value: expires }],
        sentence: `Expired on ${expires}: the whole track must be taken again.`,
      };
    case "superseded":
      return { dates: [], sentence: "A newer certification replaced this one." };
    default:
      return { dates: [], sentence: "This certificate is no longer active." };
  }
}
