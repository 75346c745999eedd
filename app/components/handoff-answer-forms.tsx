import { Form } from "@remix-run/react";
import type { HandoffState } from "#db/schema";

/** The CSM acknowledges or asks; the rep answers a question. */
export function HandoffAnswerForms({
  side,
  state,
  needsYou,
}: {
  side: "rep" | "csm";
  state: HandoffState;
  needsYou: boolean;
}) {
  if (!needsYou) {
    const waiting =
      state === "acknowledged"
        ? null
        : side === "rep"
          ? "Waiting for the CSM to read it."
          : "Waiting for the rep's reply.";
    return waiting ? <p className="muted no-print">{waiting}</p> : null;
  }
  if (side === "csm") {
    return (
      <section className="panel stack no-print" aria-label="Your answer">
        <Form method="post">
          <input type="hidden" name="intent" value="acknowledge" />
          <button type="submit" className="button button-primary">
            Acknowledge
          </button>
        </Form>
        <Form method="post" className="stack-sm">
          <input type="hidden" name="intent" value="question" />
          <div className="field">
            <label htmlFor="question">Or send it back with a question</label>
            <textarea id="question" name="message" rows={3} required maxLength={2000} />
          </div>
          <div>
            <button type="submit" className="button">
              Send back
            </button>
          </div>
        </Form>
      </section>
    );
  }
  return (
    <section className="panel stack no-print" aria-label="Your reply">
      <Form method="post" className="stack-sm">
        <input type="hidden" name="intent" value="reply" />
        <div className="field">
          <label htmlFor="reply">Answer the CSM&apos;s question</label>
          <textarea id="reply" name="message" rows={3} required maxLength={2000} />
        </div>
        <div>
          <button type="submit" className="button button-primary">
            Send reply
          </button>
        </div>
      </Form>
    </section>
  );
}
