import { Form, useInRouterContext, useNavigation } from "@remix-run/react";
import { createContext, useContext, useId, type ReactNode } from "react";
import { useQuizState, type QuizState } from "./quiz-context";
import { useHydrated } from "./use-hydrated";

/** The fragment a quiz answers to: a reader without JavaScript is sent back to it after checking. */
export const quizAnchor = (id: string) => `quiz-${id}`;

type ChoiceContextValue = { multiple: boolean; state: QuizState; name: string };
const ChoiceContext = createContext<ChoiceContextValue | null>(null);

/**
 * A knowledge check. The page only ever holds the question and choices; the server grades the post
 * (`intent=answer-quiz`) and hands back a QuizState through QuizStateProvider.
 */
export function Quiz({
  id,
  question,
  multiple = false,
  children,
}: {
  id: string;
  question: string;
  multiple?: boolean;
  children?: ReactNode;
}) {
  const state = useQuizState(id);
  const titleId = useId();
  // A question passed in this round is settled: the server refuses another answer, so none is offered.
  const settled = state.status === "correct";
  const outOfAttempts = state.attemptsLeftToday === 0;
  const inRouter = useInRouterContext();
  const hydrated = useHydrated();
  const fields = (
    <>
      <input type="hidden" name="intent" value="answer-quiz" />
      <input type="hidden" name="quizId" value={id} />
      {hydrated ? null : <input type="hidden" name="returnTo" value={quizAnchor(id)} />}
      <fieldset className="fh-quiz__fieldset" disabled={settled}>
        <legend className="fh-quiz__question" id={titleId}>
          {question}
        </legend>
        {multiple ? <p className="fh-quiz__hint">Select all that apply.</p> : null}
        <ChoiceContext.Provider value={{ multiple, state, name: "choice" }}>
          <div className="fh-quiz__choices">{children}</div>
        </ChoiceContext.Provider>
      </fieldset>
    </>
  );
  return (
    <section
      id={quizAnchor(id)}
      className={`fh-quiz fh-quiz--${state.status}`}
      aria-labelledby={titleId}
    >
      <p className="fh-quiz__kicker">
        Knowledge check{settled ? <span className="fh-quiz__passed"> · Passed</span> : null}
      </p>
      {/* Remix's Form needs its router; anywhere else (content checks, tests) a plain form posts the same fields. */}
      {inRouter ? (
        <RouterQuizForm quizId={id} disabled={outOfAttempts} settled={settled}>
          {fields}
        </RouterQuizForm>
      ) : (
        <form method="post" className="fh-quiz__form">
          {fields}
          {settled ? null : <SubmitButton submitting={false} disabled={outOfAttempts} />}
        </form>
      )}
      <QuizResult state={state} />
    </section>
  );
}

function RouterQuizForm({
  quizId,
  disabled,
  settled,
  children,
}: {
  quizId: string;
  disabled: boolean;
  settled: boolean;
  children: ReactNode;
}) {
  const navigation = useNavigation();
  const submitting = navigation.state !== "idle" && navigation.formData?.get("quizId") === quizId;
  return (
    <Form method="post" replace preventScrollReset className="fh-quiz__form">
      {children}
      {settled ? null : <SubmitButton submitting={submitting} disabled={disabled} />}
    </Form>
  );
}

function SubmitButton({ submitting, disabled }: { submitting: boolean; disabled: boolean }) {
  return (
    <button type="submit" className="fh-quiz__submit" disabled={submitting || disabled}>
      {submitting ? "Checking…" : "Check answer"}
    </button>
  );
}

function QuizResult({ state }: { state: QuizState }) {
  const answered = state.status !== "unanswered";
  if (
    !answered &&
    !state.message &&
    !state.explanationHtml &&
    state.attemptsLeftToday === undefined
  )
    return null;
  return (
    <div className="fh-quiz__result" role="status" aria-live="polite">
      {answered ? (
        <p className="fh-quiz__verdict">{state.status === "correct" ? "Correct." : "Not quite."}</p>
      ) : null}
      {/* A preview's check says itself that nothing was recorded, so nothing is settled there. */}
      {state.status === "correct" && !state.message ? (
        <p className="fh-quiz__settled">You passed this question, so it is settled.</p>
      ) : null}
      {state.explanationHtml ? (
        <div
          className="fh-quiz__explanation"
          dangerouslySetInnerHTML={{ __html: state.explanationHtml }}
        />
      ) : null}
      {state.message ? <p className="fh-quiz__message">{state.message}</p> : null}
      {state.attemptsLeftToday !== undefined && state.status !== "correct" ? (
        <p className="fh-quiz__attempts">
          {state.attemptsLeftToday === 0
            ? "No attempts left today."
            : `${state.attemptsLeftToday} attempt${state.attemptsLeftToday === 1 ? "" : "s"} left today.`}
          {state.nextAttemptAt ? (
            <>
              {" "}
              Next attempt from{" "}
              <time dateTime={state.nextAttemptAt}>{formatTime(state.nextAttemptAt)}</time>.
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

function formatTime(iso: string) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // A fixed zone keeps the server render and hydration identical.
  return (
    date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) +
    " UTC"
  );
}

/** One answer of a Quiz; `value` is its position in the source, the only thing the server grades by. */
export function Choice({ value, children }: { value?: string; children?: ReactNode }) {
  const quiz = useContext(ChoiceContext);
  if (!quiz || value === undefined) return <div className="fh-choice">{children}</div>;
  const { multiple, state, name } = quiz;
  const selected = state.selected?.includes(value) ?? false;
  const isCorrect = state.correct?.includes(value) ?? false;
  const classes = [
    "fh-choice",
    selected ? "fh-choice--selected" : "",
    isCorrect ? "fh-choice--correct" : "",
    selected && state.correct && !isCorrect ? "fh-choice--wrong" : "",
  ];
  return (
    <label className={classes.filter(Boolean).join(" ")}>
      <input
        type={multiple ? "checkbox" : "radio"}
        name={name}
        value={value}
        defaultChecked={selected}
        required={!multiple}
      />
      <span className="fh-choice__text">{children}</span>
      {isCorrect ? <span className="fh-choice__mark">Correct answer</span> : null}
    </label>
  );
}
