import { useId, type ReactNode } from "react";

export function Badge({ color = "gray", children }: { color?: string; children?: ReactNode }) {
  const tone = /^[a-z]+$/.test(color) ? color : "gray";
  return <span className={`fh-badge fh-badge--${tone}`}>{children}</span>;
}

/** A CSS-only tooltip, shown on hover and on keyboard focus, and announced through aria-describedby. */
export function Tooltip({
  tip,
  headline,
  children,
}: {
  tip?: ReactNode;
  headline?: ReactNode;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <span className="fh-tooltip" tabIndex={0} aria-describedby={id}>
      {children}
      <span className="fh-tooltip__tip" role="tooltip" id={id}>
        {headline ? <strong>{headline} </strong> : null}
        {tip}
      </span>
    </span>
  );
}

/** Docs sites draw icons from large icon fonts; Firsthand leaves them out rather than ship one. */
export function Icon() {
  return null;
}

/** API fields (Mintlify `ResponseField` / `ParamField`): name, type and description. */
export function Field({
  name,
  query,
  path,
  body,
  header,
  type,
  required,
  default: defaultValue,
  children,
}: {
  name?: string;
  query?: string;
  path?: string;
  body?: string;
  header?: string;
  type?: string;
  required?: boolean;
  default?: unknown;
  children?: ReactNode;
}) {
  const label = name ?? query ?? path ?? body ?? header;
  return (
    <div className="fh-field">
      <p className="fh-field__head">
        <code className="fh-field__name">{label}</code>
        {type ? <span className="fh-field__type">{type}</span> : null}
        {required ? <span className="fh-field__required">required</span> : null}
        {defaultValue !== undefined ? (
          <span className="fh-field__default">default: {String(defaultValue)}</span>
        ) : null}
      </p>
      <div className="fh-field__body">{children}</div>
    </div>
  );
}
