import type { PreviewProblem } from "~/models/author-preview.server";

/** Each finding at its file:line, with the lines of the source it points at. */
export function PreviewProblems({ problems }: { problems: PreviewProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="preview-problems">
      {problems.map((problem, i) => (
        <li key={i} className="preview-problem">
          <p className="preview-problem-head">
            <span
              className={`pill ${problem.severity === "error" ? "pill-danger" : "pill-warning"}`}
            >
              {problem.severity}
            </span>{" "}
            <code className="preview-where">{problem.where}</code>
          </p>
          <p className="preview-message">{problem.message}</p>
          {problem.excerpt.length ? (
            <pre className="source-excerpt" aria-label={`Source around ${problem.where}`}>
              {problem.excerpt.map((line) => (
                <span
                  key={line.number}
                  className={line.flagged ? "source-line source-line-flagged" : "source-line"}
                >
                  <span className="ln">{line.number}</span>
                  {line.flagged ? <span className="visually-hidden">Error here: </span> : null}
                  {line.text || " "}
                  {"\n"}
                </span>
              ))}
            </pre>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
