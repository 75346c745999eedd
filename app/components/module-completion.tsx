import { Form, Link, useNavigation } from "@remix-run/react";
import type { TrackStanding } from "~/models/track-standing";
import { formatDate } from "~/utils/dates";
import { CopyField } from "./copy-field";
import { useHydrated } from "./mdx/use-hydrated";

export type CompletionResult = {
  ok: boolean;
  message?: string;
  certificationId?: string;
  refreshed?: boolean;
};

type CompletionState = {
  completed: boolean;
  completedAt: string | null;
  quizzesPassed: number;
  track: TrackStanding;
};

/** The rep's confirmation that they worked through a module, and where that leaves the track. */
export function ModuleCompletion({
  productSlug,
  state,
  quizCount,
  verifyUrl,
  result,
}: {
  productSlug: string;
  state: CompletionState;
  quizCount: number;
  verifyUrl: string | null;
  result?: CompletionResult;
}) {
  return (
    <section
      id="completion"
      className={`panel completion${state.completed ? " completion-done" : ""}`}
      aria-labelledby="completion-title"
    >
      {state.completed ? (
        <CompletedModule
          productSlug={productSlug}
          state={state}
          verifyUrl={verifyUrl}
          refreshed={Boolean(result?.ok && result.refreshed)}
        />
      ) : (
        <CompleteForm state={state} quizCount={quizCount} result={result} />
      )}
    </section>
  );
}

function CompleteForm({
  state,
  quizCount,
  result,
}: {
  state: CompletionState;
  quizCount: number;
  result?: CompletionResult;
}) {
  const submitting = useNavigation().formData?.get("intent") === "complete-module";
  const hydrated = useHydrated();
  const ready = state.quizzesPassed >= quizCount;
  return (
    <>
      <h2 id="completion-title">Finish this module</h2>
      {result && !result.ok ? (
        <p className="form-error" role="alert">
          {result.message}
        </p>
      ) : null}
      <Form method="post" className="stack" preventScrollReset>
        <input type="hidden" name="intent" value="complete-module" />
        {/* Without JavaScript the page reloads; this brings the reader back here. */}
        {hydrated ? null : <input type="hidden" name="returnTo" value="completion" />}
        <p className="muted small">
          {quizCount === 0
            ? "This module has no knowledge checks."
            : `${state.quizzesPassed} of ${quizCount} knowledge checks passed.`}
        </p>
        <label className="checkbox">
          <input type="checkbox" name="confirm" value="yes" required />I worked through this module
          the way the customer will.
        </label>
        <button type="submit" className="button button-primary" disabled={!ready || submitting}>
          {submitting ? "Saving…" : "Mark module complete"}
        </button>
      </Form>
    </>
  );
}

function CompletedModule({
  productSlug,
  state,
  verifyUrl,
  refreshed,
}: {
  productSlug: string;
  state: CompletionState;
  verifyUrl: string | null;
  refreshed: boolean;
}) {
  const { track } = state;
  const certificationId = track.certificationId;
  return (
    <>
      <h2 id="completion-title" className="completion-title">
        <span className="completion-tick" aria-hidden="true">
          ✓
        </span>
        {certificationId ? "Track complete: you are certified" : "Module complete"}
      </h2>
      <p className="completion-progress" role="status">
        {state.completedAt ? `Completed ${formatDate(state.completedAt)}. ` : ""}
        <strong>
          {track.done} of {track.total} done
        </strong>{" "}
        on this track.
        {refreshed ? " Refresh done: your certification is current again." : ""}
      </p>
      <progress className="completion-bar" max={track.total} value={track.done}>
        {track.done} of {track.total}
      </progress>
      {certificationId && verifyUrl ? (
        <div className="stack-sm">
          <p className="small muted">Anyone can check it at this link, without signing in:</p>
          <CopyField label="verify link" value={verifyUrl} />
          <p>
            <Link to={`/certificates/${certificationId}`} className="button button-primary">
              See your certificate
            </Link>
          </p>
        </div>
      ) : track.nextModule ? (
        <p>
          <Link
            to={`/products/${productSlug}/${track.nextModule.slug}`}
            className="button button-primary"
          >
            Next module →
          </Link>{" "}
          <span className="muted small">{track.nextModule.title}</span>
        </p>
      ) : track.belowPassMark ? (
        <p className="banner banner-warning small">
          Every module is done, but your first-attempt score is below the pass mark. Your manager
          can grant a re-take.
        </p>
      ) : null}
    </>
  );
}
