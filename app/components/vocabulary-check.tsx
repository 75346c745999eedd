import { Form, Link, useFetcher } from "@remix-run/react";
import { Fragment, useCallback, type ReactNode } from "react";
import { moduleUrl } from "~/content/module-path";
import {
  groupBySpan,
  maxCheckedTextLength,
  type VocabularyMatch,
} from "~/vocabulary/find-vocabulary";
import { glossaryUrl } from "~/vocabulary/term-key";
import { SelectField } from "./select-field";

export type VocabularyCheckAnswer =
  { text: string; product: string; matches: VocabularyMatch[] } | { error: string };

/** Where the check answers, for pages that embed it (the handoff form posts its notes here). */
export const vocabularyCheckAction = "/vocabulary/check";

/** Runs the translation check from any page without leaving it, e.g. on a handoff's free-text notes. */
export function useVocabularyCheck() {
  const fetcher = useFetcher<VocabularyCheckAnswer>({ key: "vocabulary-check" });
  const { submit } = fetcher;
  const check = useCallback(
    ({ text, product }: { text: string; product?: string }) =>
      submit({ text, product: product ?? "" }, { method: "post", action: vocabularyCheckAction }),
    [submit],
  );
  return { check, answer: fetcher.data ?? null, checking: fetcher.state !== "idle" };
}

/** The box to paste a pitch, an email or a note into. */
export function VocabularyCheckForm({
  defaultText = "",
  products,
  defaultProduct = "",
  error,
}: {
  defaultText?: string;
  products: { slug: string; name: string }[];
  defaultProduct?: string;
  error?: string;
}) {
  return (
    <Form method="post" action={vocabularyCheckAction} className="panel stack">
      <div className="field">
        <label htmlFor="vocabulary-text">Text to check</label>
        <textarea
          id="vocabulary-text"
          name="text"
          rows={8}
          required
          maxLength={maxCheckedTextLength}
          defaultValue={defaultText}
          placeholder="Paste a pitch, an email or a handoff note."
          aria-describedby={error ? "vocabulary-error" : undefined}
        />
      </div>
      <div className="vocabulary-controls">
        <SelectField
          className="field vocabulary-product"
          id="vocabulary-product"
          label="Product"
          name="product"
          anyLabel="Every product"
          defaultValue={defaultProduct}
          options={products.map((p) => ({ value: p.slug, label: p.name }))}
        />
        <button type="submit" className="button button-primary">
          Check wording
        </button>
      </div>
      {error ? (
        <p id="vocabulary-error" className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}

/** The text with every marketing phrase marked, and what to say instead of each. */
export function VocabularyCheckResult({
  text,
  matches,
  label = "Check result",
  idPrefix = "vocabulary-match",
}: {
  text: string;
  matches: VocabularyMatch[];
  /** Names the result, and keeps ids apart, when a page shows several. */
  label?: string;
  idPrefix?: string;
}) {
  const groups = groupBySpan(matches);
  if (!groups.length) {
    return (
      <section className="panel banner-success vocabulary-result" aria-label={label}>
        <p>
          <strong>No marketing phrases found.</strong> Nothing in this text is listed in a glossary
          as a phrase to replace.
        </p>
      </section>
    );
  }
  const parts: ReactNode[] = [];
  let cursor = 0;
  groups.forEach((group, index) => {
    parts.push(text.slice(cursor, group.start));
    parts.push(
      <Fragment key={group.start}>
        <mark className="vocabulary-mark">{text.slice(group.start, group.end)}</mark>
        <a href={`#${idPrefix}-${index + 1}`} className="vocabulary-mark__ref">
          <span className="visually-hidden">replacement </span>
          {index + 1}
        </a>
      </Fragment>,
    );
    cursor = group.end;
  });
  parts.push(text.slice(cursor));
  return (
    <section className="stack vocabulary-result" aria-label={label}>
      <div className="panel stack-sm">
        <h2 className="small-heading">
          {groups.length} marketing {groups.length === 1 ? "phrase" : "phrases"} to replace
        </h2>
        <p className="vocabulary-text">{parts}</p>
      </div>
      <ol className="vocabulary-matches">
        {groups.map((group, index) => (
          <li key={group.start} id={`${idPrefix}-${index + 1}`} className="panel stack-sm">
            <p className="vocabulary-matches__phrase">
              <span className="vocabulary-matches__number">{index + 1}</span>
              <s>“{text.slice(group.start, group.end)}”</s>
            </p>
            {group.matches.map((match) => (
              <Fragment key={match.product.slug}>
                <MatchAdvice match={match} />
              </Fragment>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function MatchAdvice({ match }: { match: VocabularyMatch }) {
  return (
    <div className="vocabulary-advice">
      <p>
        Say{" "}
        <Link
          to={glossaryUrl({ productSlug: match.product.slug, anchor: match.anchor })}
          className="vocabulary-advice__term"
        >
          {match.term}
        </Link>{" "}
        <span className="pill pill-info">{match.product.name}</span>
      </p>
      <p className="small">{match.definition}</p>
      <p className="small muted">
        {match.week !== null
          ? `Customer meets it in week ${match.week} — `
          : "Customer meets it in "}
        <Link to={moduleUrl({ productSlug: match.product.slug, moduleSlug: match.module.slug })}>
          {match.module.title}
        </Link>
      </p>
    </div>
  );
}
