import type { TocHeading } from "~/content/types";

type TocEntry = TocHeading & { children: TocHeading[] };

function nest(headings: TocHeading[]) {
  const entries: TocEntry[] = [];
  for (const heading of headings) {
    const parent = entries[entries.length - 1];
    if (heading.depth === 3 && parent) parent.children.push(heading);
    else entries.push({ ...heading, children: [] });
  }
  return entries;
}

export function TableOfContents({
  headings,
  title = "On this page",
}: {
  headings: TocHeading[];
  title?: string;
}) {
  if (headings.length === 0) return null;
  return (
    <nav className="fh-toc" aria-label={title}>
      <p className="fh-toc__title">{title}</p>
      <ol className="fh-toc__list">
        {nest(headings).map((entry) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`}>{entry.text}</a>
            {entry.children.length ? (
              <ol className="fh-toc__list fh-toc__list--nested">
                {entry.children.map((child) => (
                  <li key={child.id}>
                    <a href={`#${child.id}`}>{child.text}</a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
