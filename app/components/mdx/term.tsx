import { Children, isValidElement, useEffect, useId, useState, type ReactNode } from "react";
import { findTerm, glossaryUrl } from "~/vocabulary/term-key";
import { useGlossary } from "./glossary-context";

function textOf(node: ReactNode): string {
  return Children.toArray(node)
    .map((child) => {
      if (typeof child === "string" || typeof child === "number") return String(child);
      if (isValidElement<{ children?: ReactNode }>(child)) return textOf(child.props.children);
      return "";
    })
    .join("");
}

/**
 * A product term in the product's own words: a link to its glossary entry whose definition shows on
 * hover and on keyboard focus (Escape hides it). A term the glossary lacks is plain text.
 */
export function Term({ id, children }: { id?: string; children?: ReactNode }) {
  const glossary = useGlossary();
  const tipId = useId();
  const [dismissed, setDismissed] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const active = hovered || focused;
  // Escape must close a tip shown by hover too, where the link has no focus to hear the key.
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") setDismissed(true);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [active]);
  const show = (setActive: (value: boolean) => void) => () => {
    setActive(true);
    setDismissed(false);
  };

  const entry = glossary ? findTerm({ terms: glossary.terms, id, text: textOf(children) }) : null;
  if (!glossary || !entry) return <>{children}</>;
  return (
    <span
      className={dismissed ? "fh-term fh-term--dismissed" : "fh-term"}
      onMouseEnter={show(setHovered)}
      onMouseLeave={() => setHovered(false)}
    >
      <a
        className="fh-term__link"
        href={glossaryUrl({ productSlug: glossary.productSlug, anchor: entry.anchor })}
        aria-describedby={tipId}
        onFocus={show(setFocused)}
        onBlur={() => setFocused(false)}
      >
        {children ?? entry.term}
      </a>
      <span className="fh-term__tip" role="tooltip" id={tipId}>
        <strong className="fh-term__name">{entry.term}</strong> {entry.definition}
        {entry.week !== null ? (
          <span className="fh-term__week">
            Customer meets it in week {entry.week}: {entry.moduleTitle}
          </span>
        ) : null}
      </span>
    </span>
  );
}
