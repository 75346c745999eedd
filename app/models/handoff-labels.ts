import type { HandoffEventKind, HandoffState } from "#db/schema";

export const handoffStateLabels: Record<HandoffState, { label: string; tone: string }> = {
  submitted: { label: "Waiting for the CSM", tone: "pill-info" },
  questioned: { label: "Question for the rep", tone: "pill-warning" },
  acknowledged: { label: "Acknowledged", tone: "pill-success" },
  superseded: { label: "Superseded", tone: "" },
};

export const handoffEventLabels: Record<HandoffEventKind, string> = {
  filed: "filed the handoff",
  acknowledged: "acknowledged it",
  questioned: "sent it back with a question",
  replied: "replied",
  superseded: "replaced it with an edited version",
};

/** Whose move it is: the CSM on a submitted handoff, the rep on a questioned one. */
export function needsMove({
  state,
  viewerId,
  repId,
  csmId,
}: {
  state: HandoffState;
  viewerId: string;
  repId: string;
  csmId: string;
}): boolean {
  return (
    (state === "submitted" && viewerId === csmId) || (state === "questioned" && viewerId === repId)
  );
}
