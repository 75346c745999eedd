import type { ReactNode } from "react";

const labels: Record<string, string> = {
  note: "Note",
  tip: "Tip",
  info: "Info",
  warning: "Warning",
  danger: "Danger",
  caution: "Caution",
  important: "Important",
  success: "Success",
  check: "Check",
};

// Docusaurus, Mintlify and Nextra each spell a few callout kinds differently.
const aliases: Record<string, string> = {
  error: "danger",
  default: "note",
  secondary: "note",
  success: "check",
};

type CalloutProps = { type?: string; title?: ReactNode; children?: ReactNode };

export function Callout({ type = "note", title, children }: CalloutProps) {
  const kind = aliases[type] ?? (type in labels ? type : "note");
  return (
    <div className={`fh-callout fh-callout--${kind}`} role="note">
      <p className="fh-callout__title">{title ?? labels[kind]}</p>
      <div className="fh-callout__body">{children}</div>
    </div>
  );
}

const calloutOf = (type: string) =>
  function TypedCallout({ title, children }: Omit<CalloutProps, "type">) {
    return (
      <Callout type={type} title={title}>
        {children}
      </Callout>
    );
  };

export const Note = calloutOf("note");
export const Tip = calloutOf("tip");
export const Info = calloutOf("info");
export const Warning = calloutOf("warning");
export const Danger = calloutOf("danger");
export const Check = calloutOf("check");
/** Docusaurus's `@theme/Admonition`. */
export const Admonition = Callout;

/** Nextra's `Banner`: a notice across the top of the page; in a module it is a note above the content. */
export function Banner({
  children,
}: {
  children?: ReactNode;
  dismissible?: boolean;
  storageKey?: string;
}) {
  return (
    <div className="fh-banner" role="note">
      {children}
    </div>
  );
}
