import { isValidElement, type ReactNode } from "react";

/** Native <details>: opens and closes without JavaScript and is keyboard-accessible as is. */
export function Accordion({
  title,
  description,
  defaultOpen,
  children,
}: {
  title?: ReactNode;
  description?: ReactNode;
  defaultOpen?: boolean;
  children?: ReactNode;
}) {
  return (
    <details className="fh-accordion" open={defaultOpen || undefined}>
      <summary className="fh-accordion__summary">
        <span className="fh-accordion__title">{title}</span>
        {description ? <span className="fh-accordion__description">{description}</span> : null}
      </summary>
      <div className="fh-accordion__body">{children}</div>
    </details>
  );
}

export function AccordionGroup({ children }: { children?: ReactNode }) {
  return <div className="fh-accordion-group">{children}</div>;
}

export function Expandable({
  title,
  defaultOpen,
  children,
}: {
  title?: ReactNode;
  defaultOpen?: boolean;
  children?: ReactNode;
}) {
  return (
    <details className="fh-expandable" open={defaultOpen || undefined}>
      <summary className="fh-expandable__summary">Show {title ?? "details"}</summary>
      <div className="fh-expandable__body">{children}</div>
    </details>
  );
}

/** Docusaurus's `@theme/Details`: a disclosure whose `summary` may be text or a `<summary>` element. */
export function Details({
  summary,
  open,
  children,
}: {
  summary?: ReactNode;
  open?: boolean;
  children?: ReactNode;
}) {
  const label =
    isValidElement(summary) && summary.type === "summary" ? (
      summary
    ) : (
      <summary className="fh-accordion__summary">{summary ?? "Details"}</summary>
    );
  return (
    <details className="fh-accordion fh-details" open={open || undefined}>
      {label}
      <div className="fh-accordion__body">{children}</div>
    </details>
  );
}
