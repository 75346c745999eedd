import { Children, isValidElement, type ReactNode } from "react";

/** A numbered sequence; numbering is CSS counters, so Nextra's heading-based steps number too. */
export function Steps({ children }: { children?: ReactNode }) {
  // Nextra's steps are headings and paragraphs, not <Step>s: a list role would promise items.
  const allSteps = Children.toArray(children).every(
    (child) => isValidElement(child) && child.type === Step,
  );
  return (
    <div className="fh-steps" role={allSteps ? "list" : undefined}>
      {children}
    </div>
  );
}

export function Step({ title, children }: { title?: ReactNode; children?: ReactNode }) {
  return (
    <div className="fh-step" role="listitem">
      {title ? <p className="fh-step__title">{title}</p> : null}
      <div className="fh-step__body">{children}</div>
    </div>
  );
}
