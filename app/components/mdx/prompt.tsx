import { useRef, useState, type ReactNode } from "react";
import { InlineMarkdown } from "./inline-markdown";
import { useHydrated } from "./use-hydrated";

/**
 * Mintlify's `Prompt`: a ready-made AI prompt under its description, with buttons to copy it or open it
 * in Cursor. The buttons need JavaScript, so they appear once the page is interactive; the prompt
 * itself is always readable.
 */
export function Prompt({
  description,
  actions = ["copy", "cursor"],
  children,
}: {
  description?: string;
  icon?: string;
  iconType?: string;
  actions?: string[];
  children?: ReactNode;
}) {
  const hydrated = useHydrated();
  const body = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  const promptText = () => body.current?.innerText.trim() ?? "";

  async function copy() {
    await navigator.clipboard.writeText(promptText());
    setCopied(true);
  }
  function openInCursor() {
    const url = new URL("cursor://anysphere.cursor-deeplink/prompt");
    url.searchParams.set("text", promptText());
    window.location.href = url.toString();
  }

  return (
    <figure className="fh-prompt">
      <figcaption className="fh-prompt__head">
        <span className="fh-prompt__kind">Prompt</span>
        {description ? (
          <span className="fh-prompt__description">
            <InlineMarkdown text={description} />
          </span>
        ) : null}
      </figcaption>
      <div className="fh-prompt__body" ref={body}>
        {children}
      </div>
      {hydrated && actions.length ? (
        <div className="fh-prompt__actions">
          {actions.includes("copy") ? (
            <button type="button" className="fh-prompt__action" onClick={copy}>
              {copied ? "Copied" : "Copy prompt"}
            </button>
          ) : null}
          {actions.includes("cursor") ? (
            <button type="button" className="fh-prompt__action" onClick={openInCursor}>
              Open in Cursor
            </button>
          ) : null}
        </div>
      ) : null}
    </figure>
  );
}
