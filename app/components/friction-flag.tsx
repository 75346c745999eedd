import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { FrictionFlagResult, ModuleFrictionPanel } from "~/models/module-friction.server";
import { formatDate } from "~/utils/dates";

const formId = "friction-flag-form";

/**
 * On a module page: flag a step as confusing or missing at one of its headings, and read what
 * enablement answered. Without JavaScript it is a plain form with a heading select.
 */
export function FrictionFlag({
  panel,
  result,
  inboxHref,
}: {
  panel: ModuleFrictionPanel;
  result?: FrictionFlagResult;
  inboxHref: string;
}) {
  const navigation = useNavigation();
  const submitting = navigation.formData?.get("intent") === "flag-friction";
  const [heading, setHeading] = useState(result?.values?.heading ?? panel.anchors[0]?.id ?? "");
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // A new form after each successful flag, so the note field starts empty again.
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (result?.ok) setRound((n) => n + 1);
    if (result?.values?.heading) setHeading(result.values.heading);
  }, [result]);

  const flagAt = (id: string) => {
    setHeading(id);
    sectionRef.current?.scrollIntoView({ behavior: "smooth", block: "center" });
    noteRef.current?.focus({ preventScroll: true });
  };

  return (
    <section
      ref={sectionRef}
      className="panel stack-sm friction-flag"
      id="friction-flags"
      aria-labelledby="friction-flag-title"
    >
      <div className="spread">
        <h2 id="friction-flag-title">Something confusing or missing?</h2>
        {panel.openForAuthors !== null ? (
          <Link to={inboxHref} className="button button-small">
            {panel.openForAuthors === 1
              ? "1 open flag on this module"
              : `${panel.openForAuthors} open flags on this module`}{" "}
            →
          </Link>
        ) : null}
      </div>
      <p className="muted small">
        Tell enablement which step did not match what you expected. They answer here.
      </p>
      {result ? (
        <p
          className={result.ok ? "banner banner-success small" : "form-error"}
          role={result.ok ? "status" : "alert"}
        >
          {result.message}
        </p>
      ) : null}
      <Form method="post" id={formId} className="stack-sm" preventScrollReset key={round}>
        <input type="hidden" name="intent" value="flag-friction" />
        <div className="field">
          <label htmlFor="friction-heading">Where</label>
          <select
            id="friction-heading"
            name="heading"
            value={heading}
            onChange={(event) => setHeading(event.target.value)}
          >
            {panel.anchors.map((anchor, i) => (
              <option key={anchor.id} value={anchor.id}>
                {i === 0 ? `The module as a whole (${anchor.text})` : anchor.text}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="friction-note">What was confusing or missing</label>
          <textarea
            ref={noteRef}
            id="friction-note"
            name="note"
            rows={3}
            required
            maxLength={1000}
            defaultValue={result?.ok ? "" : (result?.values?.note ?? "")}
            placeholder="e.g. Nobody told me the upload has 14 steps."
          />
        </div>
        <div>
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? "Sending…" : "Flag this step"}
          </button>
        </div>
      </Form>
      {panel.flags.length ? <FlagHistory flags={panel.flags} /> : null}
      <HeadingFlagButtons anchors={panel.anchors} onFlag={flagAt} />
    </section>
  );
}

function FlagHistory({ flags }: { flags: ModuleFrictionPanel["flags"] }) {
  return (
    <div className="stack-sm">
      <h3 className="small-heading">What you flagged here</h3>
      <ul className="friction-thread">
        {flags.map((flag) => (
          <li key={flag.id} className="friction-thread-item">
            <p className="small muted">
              At <a href={`#${flag.headingId}`}>{flag.headingText}</a> on{" "}
              {formatDate(flag.createdAt)} ·{" "}
              <span className={`pill ${flag.state === "open" ? "pill-warning" : "pill-success"}`}>
                {flag.state === "open" ? "Open" : "Resolved"}
              </span>
            </p>
            <p className="friction-note">{flag.note}</p>
            {flag.reply ? (
              <blockquote className="friction-reply">
                <p className="small">
                  <strong>{flag.reply.by}</strong> answered on {formatDate(flag.reply.at)}
                </p>
                <p>{flag.reply.text}</p>
              </blockquote>
            ) : (
              <p className="small muted">No answer yet.</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** With JavaScript: a small "Flag this" button under each h2/h3 of the article. */
function HeadingFlagButtons({
  anchors,
  onFlag,
}: {
  anchors: ModuleFrictionPanel["anchors"];
  onFlag: (id: string) => void;
}) {
  const [slots, setSlots] = useState<{ id: string; text: string; slot: HTMLElement }[]>([]);
  useEffect(() => {
    const created = anchors.flatMap((anchor) => {
      const heading = document.getElementById(anchor.id);
      if (!heading || !/^H[23]$/.test(heading.tagName)) return [];
      // Beside the heading, not inside it, so the heading's accessible name stays its own text.
      const slot = document.createElement("div");
      slot.className = "friction-heading-slot";
      heading.after(slot);
      return [{ ...anchor, slot }];
    });
    setSlots(created);
    return () => created.forEach(({ slot }) => slot.remove());
  }, [anchors]);
  return (
    <>
      {slots.map(({ id, text, slot }) =>
        createPortal(
          <button
            type="button"
            className="friction-heading-button"
            onClick={() => onFlag(id)}
            aria-label={`Flag this: “${text}” is confusing or missing`}
          >
            Flag this
          </button>,
          slot,
          id,
        ),
      )}
    </>
  );
}
