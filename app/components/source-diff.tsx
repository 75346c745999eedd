import type { DiffHunk } from "~/models/module-diff";

/** A line diff of two module sources, hunk by hunk, with both line numbers and words for screen readers. */
export function SourceDiff({ hunks, label = "Changes" }: { hunks: DiffHunk[]; label?: string }) {
  return (
    <div className="diff" role="region" aria-label={label} tabIndex={0}>
      {hunks.map((hunk, i) => (
        <div key={i}>
          <div className="diff-hunk-header">{hunk.header}</div>
          {hunk.lines.map((line, j) => (
            <div key={j} className={`diff-line diff-${line.kind}`}>
              <span className="ln">{line.oldLine ?? ""}</span>
              <span className="ln">{line.newLine ?? ""}</span>
              <span className="sign" aria-hidden="true">
                {line.kind === "added" ? "+" : line.kind === "removed" ? "−" : " "}
              </span>
              <span>
                {line.kind === "added" ? <span className="visually-hidden">Added: </span> : null}
                {line.kind === "removed" ? (
                  <span className="visually-hidden">Removed: </span>
                ) : null}
                {line.text || " "}
              </span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
