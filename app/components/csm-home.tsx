import { Link } from "@remix-run/react";
import { formatDate } from "~/utils/dates";
import { NeedsToday } from "./needs-today";

export type CsmNeedsView = {
  toAnswer: {
    id: string;
    accountName: string;
    productName: string;
    repName: string;
    goLiveTarget: string;
    filedAt: string;
  }[];
  toAnswerCount: number;
  waitingOnRep: number;
};

/** A CSM's first question: which handoffs wait for me to read and answer? */
export function CsmNeeds({ needs }: { needs: CsmNeedsView }) {
  return (
    <div className="stack">
      <NeedsToday
        needs={[
          {
            key: "handoffs",
            count: needs.toAnswerCount,
            label: `${needs.toAnswerCount === 1 ? "handoff waits" : "handoffs wait"} for you to acknowledge or question`,
            clear: "No handoff waits for you.",
            href: "/handoffs",
            action: "Open your handoff queue",
          },
          {
            key: "questioned",
            count: needs.waitingOnRep,
            label: `${needs.waitingOnRep === 1 ? "handoff" : "handoffs"} you questioned, waiting on the rep's reply`,
            clear: "No questions waiting on a rep.",
            href: "/handoffs",
            action: "See your questions",
          },
        ]}
      />
      {needs.toAnswer.length ? (
        <section className="panel stack-sm" aria-labelledby="queue-title">
          <h2 id="queue-title">Waiting for you, oldest first</h2>
          <ul className="dashboard-list">
            {needs.toAnswer.map((h) => (
              <li key={h.id}>
                <Link to={`/handoffs/${h.id}`}>{h.accountName}</Link> ({h.productName}): from{" "}
                {h.repName}, filed {formatDate(h.filedAt)}, go-live target{" "}
                {formatDate(h.goLiveTarget)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
