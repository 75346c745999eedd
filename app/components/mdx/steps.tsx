import type { ReactNode } from "react";

/** A numbered sequence; numbering is CSS counters, so Nextra's heading-based steps number too. */
export function Steps({ children }: { children?: ReactNode }) {
  return (
    <div className="fh-steps" role="list">
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
