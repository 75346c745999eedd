import { Form, Link, useNavigation } from "@remix-run/react";
import { formatDate } from "~/utils/dates";

export type CompletionResult = {
  ok: boolean;
  message?: string;
  certificationId?: string;
  refreshed?: boolean;
};

/** The rep's confirmation that they worked through a module, and what completing it earned. */
export function ModuleCompletion({
  state,
  quizCount,
  result,
}: {
  state: { completed: boolean; completedAt: string | null; quizzesPassed: number };
  quizCount: number;
  result?: CompletionResult;
}) {
  const submitting = useNavigation().formData?.get("intent") === "complete-module";
  const ready = state.quizzesPassed >= quizCount;
  return (
    <section className="panel completion" aria-labelledby="completion-title">
      <h2 id="completion-title">Finish this module</h2>
      {result?.ok && result.certificationId ? (
        <p className="banner banner-success" role="status">
          🎉 Track complete: you are certified.{" "}
          <Link to={`/certificates/${result.certificationId}`}>See your certificate</Link>
        </p>
      ) : null}
      {result?.ok && result.refreshed ? (
        <p className="banner banner-success" role="status">
          Refresh done: your certification is current again.
        </p>
      ) : null}
      {result && !result.ok ? (
        <p className="form-error" role="alert">
          {result.message}
        </p>
      ) : null}
      {state.completed ? (
        <p className="pill pill-success">
          Completed {state.completedAt ? formatDate(state.completedAt) : ""}
        </p>
      ) : (
        <Form method="post" className="stack" preventScrollReset>
          <input type="hidden" name="intent" value="complete-module" />
          <p className="muted small">
            {quizCount === 0
              ? "This module has no knowledge checks."
              : `${state.quizzesPassed} of ${quizCount} knowledge checks passed.`}
          </p>
          <label className="checkbox">
            <input type="checkbox" name="confirm" value="yes" required />I worked through this
            module the way the customer will.
          </label>
          <button type="submit" className="button button-primary" disabled={!ready || submitting}>
            {submitting ? "Saving…" : "Mark module complete"}
          </button>
        </Form>
      )}
    </section>
  );
}
