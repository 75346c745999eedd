import type { ReactNode } from "react";
import { CodeGroup } from "./code-blocks";

/**
 * Mintlify pins these beside the page on wide screens and shows them in place on narrow ones; here they
 * stay in place at every width, as labelled asides a screen reader can find.
 */
function PinnedExample({
  kind,
  label,
  children,
}: {
  kind: "request" | "response";
  label: string;
  children?: ReactNode;
}) {
  return (
    <aside className={`fh-example fh-example--${kind}`} aria-label={label}>
      <p className="fh-example__label">{label}</p>
      <CodeGroup>{children}</CodeGroup>
    </aside>
  );
}

export function RequestExample({ children }: { children?: ReactNode }) {
  return (
    <PinnedExample kind="request" label="Request example">
      {children}
    </PinnedExample>
  );
}

export function ResponseExample({ children }: { children?: ReactNode }) {
  return (
    <PinnedExample kind="response" label="Response example">
      {children}
    </PinnedExample>
  );
}

/** Mintlify's `Panel`: any content pinned to the side of the page instead of the table of contents. */
export function Panel({ children }: { children?: ReactNode }) {
  return (
    <aside className="fh-panel" aria-label="Side panel">
      {children}
    </aside>
  );
}
