import { Form, Link, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { formatDate } from "~/utils/dates";
import { ActionResult } from "./action-result";

export type FrictionInboxView = {
  state: "open" | "resolved";
  filter: string | null;
  totals: { open: number; resolved: number };
  modules: { key: string; productName: string; title: string; open: number; resolved: number }[];
  flags: {
    id: string;
    productName: string;
    moduleTitle: string;
    moduleHref: string | null;
    headingText: string;
    wholeModule: boolean;
    /** Shown to admins only. */
    readerName: string | null;
    note: string;
    revisionSeen: number;
    revisionNow: number | null;
    reply: string | null;
    createdAt: string;
    resolvedAt: string | null;
  }[];
};

export type FrictionInboxResult = {
  flagId?: string;
  error?: string;
  notice?: string;
  /** The reply as typed, when it was refused. */
  reply?: string;
  entry?: { file: string; yaml: string; alreadyListed: boolean };
};

const href = ({ state, module }: { state: string; module: string | null }) =>
  `/friction?${new URLSearchParams({ state, ...(module ? { module } : {}) })}`;

/** Authors' inbox of what readers flagged: open and resolved tabs, per module, with counts. */
export function FrictionInbox({
  inbox,
  result,
}: {
  inbox: FrictionInboxView;
  result?: FrictionInboxResult;
}) {
  const { state, filter, totals, modules, flags } = inbox;
  const current = modules.find((m) => m.key === filter);
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>Friction from the field</h1>
        <p className="muted">
          Steps readers flagged as confusing or missing, at the heading where they stumbled. Answer
          them here; the reader sees your reply on the module page.
        </p>
      </header>
      <ActionResult
        error={flags.some((f) => f.id === result?.flagId) ? undefined : result?.error}
      />
      <nav className="friction-tabs" aria-label="Flag state">
        {(["open", "resolved"] as const).map((s) => (
          <Link
            key={s}
            to={href({ state: s, module: filter })}
            className="button button-small"
            aria-current={s === state ? "page" : undefined}
          >
            {s === "open" ? "Open" : "Resolved"} ({totals[s]})
          </Link>
        ))}
        {current ? (
          <span className="small muted">
            in {current.productName} · {current.title}{" "}
            <Link to={href({ state, module: null })}>Show every module</Link>
          </span>
        ) : null}
      </nav>
      <div className="friction-layout">
        <section className="panel stack-sm" aria-labelledby="friction-modules-title">
          <h2 id="friction-modules-title" className="small-heading">
            Modules
          </h2>
          {modules.length ? (
            <ul className="friction-modules small">
              <li>
                <Link
                  to={href({ state, module: null })}
                  aria-current={filter === null ? "page" : undefined}
                >
                  <span>Every module</span>
                </Link>
              </li>
              {modules.map((m) => (
                <li key={m.key}>
                  <Link
                    to={href({ state, module: m.key })}
                    aria-current={m.key === filter ? "page" : undefined}
                  >
                    <span>
                      {m.title}
                      <br />
                      <span className="muted">{m.productName}</span>
                    </span>
                    <span className="friction-module-counts">
                      <span className="pill pill-warning">{m.open} open</span>
                      <span className="muted">{m.resolved} resolved</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">Nothing flagged yet.</p>
          )}
        </section>
        <section className="stack" aria-labelledby="friction-flags-title">
          <h2 id="friction-flags-title" className="visually-hidden">
            {state === "open" ? "Open flags" : "Resolved flags"}
          </h2>
          {flags.length === 0 ? (
            <p className="panel muted">
              {state === "open"
                ? "No open flags. Nothing waits for an answer."
                : "None resolved yet."}
            </p>
          ) : (
            flags.map((flag) => (
              <FlagCard
                key={flag.id}
                flag={flag}
                result={result?.flagId === flag.id ? result : undefined}
              />
            ))
          )}
        </section>
      </div>
    </div>
  );
}

function FlagCard({
  flag,
  result,
}: {
  flag: FrictionInboxView["flags"][number];
  result?: FrictionInboxResult;
}) {
  const busy = useNavigation().formData?.get("flagId") === flag.id;
  const titleId = `flag-${flag.id}`;
  const open = flag.resolvedAt === null;
  return (
    <article className="panel friction-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {flag.moduleHref ? <Link to={flag.moduleHref}>{flag.moduleTitle}</Link> : flag.moduleTitle}{" "}
        · {flag.wholeModule ? "the module as a whole" : flag.headingText}
      </h3>
      <p className="small muted">
        {flag.productName} · {flag.readerName ?? "A reader"} on {formatDate(flag.createdAt)} · read
        revision {flag.revisionSeen}
        {flag.revisionNow !== null && flag.revisionNow !== flag.revisionSeen
          ? ` (now ${flag.revisionNow})`
          : ""}
        {flag.resolvedAt ? ` · resolved ${formatDate(flag.resolvedAt)}` : ""}
      </p>
      <p className="friction-note">{flag.note}</p>
      {flag.reply ? (
        <blockquote className="friction-reply">
          <p className="small">
            <strong>Your answer</strong>
          </p>
          <p>{flag.reply}</p>
        </blockquote>
      ) : null}
      {result?.error ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      {result?.notice ? (
        <p className="banner banner-success small" role="status">
          {result.notice}
        </p>
      ) : null}
      <Form method="post" className="stack-sm" preventScrollReset>
        <input type="hidden" name="flagId" value={flag.id} />
        <div className="field">
          <label htmlFor={`reply-${flag.id}`}>{flag.reply ? "Change your reply" : "Reply"}</label>
          <textarea
            id={`reply-${flag.id}`}
            name="reply"
            rows={2}
            maxLength={2000}
            defaultValue={result?.reply ?? ""}
          />
        </div>
        <div className="friction-card-actions">
          {open ? (
            <label className="checkbox small">
              <input type="checkbox" name="resolve" value="yes" defaultChecked />
              Resolve it too
            </label>
          ) : null}
          <button
            type="submit"
            name="intent"
            value="reply"
            className="button button-primary button-small"
            disabled={busy}
          >
            Send reply
          </button>
        </div>
      </Form>
      <div className="friction-card-actions">
        <Form method="post" preventScrollReset>
          <input type="hidden" name="flagId" value={flag.id} />
          <button
            type="submit"
            name="intent"
            value={open ? "resolve" : "reopen"}
            className="button button-small"
            disabled={busy}
          >
            {open ? "Resolve without reply" : "Reopen"}
          </button>
        </Form>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="flagId" value={flag.id} />
          <button
            type="submit"
            name="intent"
            value="friction-entry"
            className="button button-small"
            disabled={busy}
          >
            Turn into a friction entry
          </button>
        </Form>
      </div>
      {result?.entry ? <FrictionEntry entry={result.entry} /> : null}
    </article>
  );
}

function FrictionEntry({ entry }: { entry: NonNullable<FrictionInboxResult["entry"]> }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(entry.yaml);
    setCopied(true);
  };
  return (
    <div className="stack-sm" role="status">
      <p className="small">
        {entry.alreadyListed ? "This module already lists it. " : ""}
        {entry.yaml.startsWith("friction:") ? (
          <>
            Add these lines to the frontmatter of <code>{entry.file}</code>:
          </>
        ) : (
          <>
            Add this line under <code>friction:</code> in the frontmatter of{" "}
            <code>{entry.file}</code>:
          </>
        )}
      </p>
      <pre className="friction-yaml" aria-label="YAML to add">
        {entry.yaml}
      </pre>
      <div>
        <button type="button" className="button button-small" onClick={copy}>
          {copied ? "Copied" : "Copy YAML"}
        </button>
      </div>
    </div>
  );
}
