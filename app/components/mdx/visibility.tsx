import type { ReactNode } from "react";

/**
 * Mintlify's `Visibility`: `for="humans"` content shows on the web page, `for="agents"` content only in
 * the Markdown export. Reps read the web page.
 */
export function Visibility({ for: audience, children }: { for?: string; children?: ReactNode }) {
  return audience === "agents" ? null : <>{children}</>;
}

/**
 * Mintlify's `View`: content for one choice of a page-wide view selector (a language, a framework).
 * Neighbouring views are grouped into one switcher at compile time; a lone view shows its label.
 */
export function View({
  title,
  grouped,
  children,
}: {
  title?: ReactNode;
  icon?: string;
  /** Set by the compiler when the view is one tab of a switcher, which shows the title itself. */
  grouped?: boolean;
  children?: ReactNode;
}) {
  return (
    <section className="fh-view" aria-label={typeof title === "string" ? title : undefined}>
      {title && !grouped ? <p className="fh-view__title">{title}</p> : null}
      <div className="fh-view__body">{children}</div>
    </section>
  );
}
