import type { ReactNode } from "react";

/** Stands in for a component or value the content uses but Firsthand cannot provide, so the page still renders. */
export function Placeholder({
  name,
  inline,
  children,
}: {
  name?: string;
  inline?: boolean;
  children?: ReactNode;
}) {
  const label = name?.startsWith("{")
    ? `Unavailable value: ${name}`
    : `Unsupported component: ${name ?? "unknown"}`;
  if (inline) {
    return (
      <span className="fh-placeholder fh-placeholder--inline" title={label}>
        <span className="fh-placeholder__label">{label}</span>
        {children}
      </span>
    );
  }
  return (
    <div className="fh-placeholder" role="note">
      <p className="fh-placeholder__label">{label}</p>
      {children}
    </div>
  );
}
