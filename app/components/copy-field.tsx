import { useState } from "react";
import { useHydrated } from "./mdx/use-hydrated";

/** A value to share (a verify link): selectable as text, with a copy button once JavaScript runs. */
export function CopyField({
  label,
  value,
  href = value,
}: {
  label: string;
  value: string;
  href?: string;
}) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <a href={href} className="copy-field-value">
        {value}
      </a>
      {hydrated ? (
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => {
            void navigator.clipboard.writeText(value).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : `Copy ${label}`}
        </button>
      ) : null}
      <span className="visually-hidden" role="status">
        {copied ? `${label} copied` : ""}
      </span>
    </div>
  );
}
