import type { CertificationStatus } from "~/models/certification-status";
import { statusLabels } from "~/models/certification-status";

const tone: Record<CertificationStatus, string> = {
  not_started: "",
  in_progress: "pill-info",
  certified: "pill-success",
  refresh_due: "pill-warning",
  lapsed: "pill-danger",
  expired: "pill-danger",
};

export function StatusPill({ status }: { status: CertificationStatus }) {
  return <span className={`pill ${tone[status]}`}>{statusLabels[status]}</span>;
}
