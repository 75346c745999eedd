import { useRef } from "react";
import type { WordingReview } from "~/models/handoff-wording";
import { useVocabularyCheck, VocabularyCheckResult } from "./vocabulary-check";

/** The notes, with the translation check one click away while writing (the submit checks too). */
export function NotesField({
  product,
  hasGlossary,
  defaultValue,
}: {
  product: { slug: string; name: string };
  hasGlossary: boolean;
  defaultValue: string;
}) {
  const notes = useRef<HTMLTextAreaElement>(null);
  const { check, answer, checking } = useVocabularyCheck();
  return (
    <section className="panel stack">
      <div className="field">
        <label htmlFor="notes">Notes for the CSM</label>
        <textarea
          id="notes"
          name="notes"
          rows={4}
          maxLength={5000}
          defaultValue={defaultValue}
          ref={notes}
        />
      </div>
      {hasGlossary ? (
        <div className="stack-sm">
          <p className="muted small">
            Filing checks your notes and promises against the {product.name} glossary, so the CSM
            hears the words the customer will meet.
          </p>
          <div>
            <button
              type="button"
              className="button button-small"
              disabled={checking}
              onClick={() => check({ text: notes.current?.value ?? "", product: product.slug })}
            >
              {checking ? "Checking…" : "Check wording now"}
            </button>
          </div>
          {answer && "error" in answer ? (
            <p className="form-error" role="alert">
              {answer.error}
            </p>
          ) : answer ? (
            <VocabularyCheckResult
              text={answer.text}
              matches={answer.matches}
              label="Wording check of your notes"
              idPrefix="notes-match"
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export function WordingToReplace({ wording }: { wording: WordingReview }) {
  const count = wording.reduce((n, field) => n + field.matches.length, 0);
  return (
    <section className="stack" aria-labelledby="wording-title">
      <div className="banner banner-warning" role="alert">
        <h2 id="wording-title" className="small-heading">
          {count === 1 ? "1 pitch phrase" : `${count} pitch phrases`} to replace before the CSM
          reads this
        </h2>
        <p>
          Edit the text above with the product&apos;s own words, then check again, or file it as it
          is.
        </p>
      </div>
      {wording.map((field, i) => (
        <div key={field.label} className="stack-sm">
          <h3 className="small-heading">{field.label}</h3>
          <VocabularyCheckResult
            text={field.text}
            matches={field.matches}
            label={`Wording check: ${field.label}`}
            idPrefix={`wording-${i}-match`}
          />
        </div>
      ))}
    </section>
  );
}
