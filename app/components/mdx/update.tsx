import type { ReactNode } from "react";
import { slugify } from "./slugify";

/** Mintlify's `Update`: one changelog entry, its label (often a date) beside the notes, linkable by anchor. */
export function Update({
  label,
  description,
  tags,
  children,
}: {
  label?: string;
  description?: ReactNode;
  tags?: string[];
  rss?: unknown;
  children?: ReactNode;
}) {
  const id = label ? slugify(label) : undefined;
  return (
    <section className="fh-update" id={id} aria-label={label}>
      <div className="fh-update__meta">
        {label ? (
          <a className="fh-update__label" href={id ? `#${id}` : undefined}>
            {label}
          </a>
        ) : null}
        {description ? <p className="fh-update__description">{description}</p> : null}
        {tags?.length ? (
          <ul className="fh-update__tags" aria-label="Tags">
            {tags.map((tag) => (
              <li key={tag} className="fh-update__tag">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="fh-update__body">{children}</div>
    </section>
  );
}
