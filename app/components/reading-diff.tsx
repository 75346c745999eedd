import type { ReactNode } from "react";
import type { ReadingBlock } from "~/models/reading-blocks";
import type { ReadingDiff, ReadingPiece } from "~/models/reading-diff";
import { InlineMarkdown } from "./mdx/inline-markdown";

function Block({ block }: { block: ReadingBlock }) {
  switch (block.kind) {
    case "heading": {
      // The page's own h1 and h2 come first, so module headings start one level down.
      const Tag = block.level <= 2 ? "h3" : "h4";
      return (
        <Tag className="rd-heading">
          <InlineMarkdown text={block.text} />
        </Tag>
      );
    }
    case "paragraph":
      return (
        <p>
          <InlineMarkdown text={block.text} />
        </p>
      );
    case "list": {
      const List = block.ordered ? "ol" : "ul";
      return (
        <List>
          {block.items.map((item, i) => (
            <li key={i}>
              <InlineMarkdown text={item} />
            </li>
          ))}
        </List>
      );
    }
    case "table":
      return (
        <Table header={block.header} rows={block.rows.map((r) => r.map((text) => ({ text })))} />
      );
    case "callout":
      return (
        <div className={`rd-callout rd-callout-${block.tone}`}>
          {block.title ? (
            <p className="rd-callout-title">
              <InlineMarkdown text={block.title} />
            </p>
          ) : null}
          <p>
            <InlineMarkdown text={block.text} />
          </p>
        </div>
      );
    case "quiz":
      return (
        <div className="rd-quiz">
          <p className="rd-quiz-kicker">Knowledge check</p>
          <p className="rd-quiz-question">{block.question}</p>
        </div>
      );
    case "code":
      return (
        <pre className="rd-code" tabIndex={0}>
          <code>{block.text}</code>
        </pre>
      );
    case "image":
      return <p className="rd-image muted small">Image: {block.alt || "no description"}</p>;
  }
}

function Table({ header, rows }: { header: string[]; rows: { text: string; was?: string }[][] }) {
  return (
    <div className="table-wrap">
      <table className="data-table rd-table">
        <thead>
          <tr>
            {header.map((h, i) => (
              <th key={i} scope="col">
                {h ? (
                  <InlineMarkdown text={h} />
                ) : (
                  <span className="visually-hidden">Column {i + 1}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className={cell.was !== undefined ? "rd-cell-changed" : undefined}>
                  {cell.was !== undefined ? (
                    <>
                      <ins>
                        <span className="visually-hidden">Now: </span>
                        <InlineMarkdown text={cell.text} />
                      </ins>{" "}
                      <del>
                        <span className="visually-hidden">Was: </span>
                        <InlineMarkdown text={cell.was} />
                      </del>
                    </>
                  ) : (
                    <InlineMarkdown text={cell.text} />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Piece({ piece }: { piece: ReadingPiece }) {
  if (piece.change === "table-changed")
    return (
      <div className="rd-piece rd-changed">
        <p className="rd-label">Table changed: highlighted cells are new</p>
        <Table header={piece.header} rows={piece.rows} />
      </div>
    );
  if (piece.change === "same") return <Block block={piece.block} />;
  const Mark = piece.change === "added" ? "ins" : "del";
  return (
    <Mark className={`rd-piece rd-${piece.change}`}>
      <span className="rd-label">{piece.change === "added" ? "Added" : "Removed"}</span>
      <Block block={piece.block} />
    </Mark>
  );
}

function Changes({ title, items }: { title: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <div>
      <h3 className="rd-summary-title">{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

/** The module as the customer reads it now, with what changed marked in place. */
export function ReadingDiffView({ reading, footer }: { reading: ReadingDiff; footer?: ReactNode }) {
  const { friction, questions } = reading;
  const anySummary =
    friction.added.length +
    friction.removed.length +
    questions.added.length +
    questions.removed.length +
    questions.changed.length;
  return (
    <>
      {anySummary ? (
        <section className="panel rd-summary" aria-labelledby="rd-summary-title">
          <h2 id="rd-summary-title">In short</h2>
          <div className="rd-summary-grid">
            <Changes title="New places customers struggle" items={friction.added} />
            <Changes title="No longer listed as a struggle" items={friction.removed} />
            <Changes title="New knowledge checks" items={questions.added} />
            <Changes title="Knowledge checks that changed" items={questions.changed} />
            <Changes title="Knowledge checks removed" items={questions.removed} />
          </div>
        </section>
      ) : null}
      <section className="panel rd-article" aria-labelledby="rd-article-title">
        <h2 id="rd-article-title">The module as customers read it today</h2>
        <p className="muted small rd-legend">
          <ins className="rd-key rd-added">Added</ins>{" "}
          <del className="rd-key rd-removed">Removed</del>{" "}
          <span className="rd-key rd-cell-changed">Changed cell</span>
        </p>
        {reading.pieces.map((piece, i) => (
          <Piece key={i} piece={piece} />
        ))}
        {footer}
      </section>
    </>
  );
}
