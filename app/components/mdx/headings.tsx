import { createElement, type ReactNode } from "react";

const levels = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Docusaurus's `@theme/Heading`: `<Heading as="h2" id="…">` is a heading with an anchor. */
export function Heading({
  as = "h2",
  id,
  children,
}: {
  as?: string;
  id?: string;
  children?: ReactNode;
}) {
  return createElement(levels.has(as) ? as : "h2", { id }, children);
}

/** Docusaurus's `@theme/TOCInline`: the compiler puts the list of the page's headings inside. */
export function TOCInline({ children }: { children?: ReactNode }) {
  return (
    <nav className="fh-toc-inline" aria-label="On this page">
      {children}
    </nav>
  );
}
