import { diffArrays } from "diff";
import { readingSource, type ReadingBlock } from "./reading-blocks";

export type TableCell = { text: string; was?: string };

export type ReadingPiece =
  | { change: "same" | "added" | "removed"; block: ReadingBlock }
  | { change: "table-changed"; header: string[]; rows: TableCell[][] };

/** What changed for the customer between two sources of a module, in words a rep can use. */
export type ReadingDiff = {
  pieces: ReadingPiece[];
  friction: { added: string[]; removed: string[] };
  questions: { added: string[]; removed: string[]; changed: string[] };
};

const same = (a: ReadingBlock, b: ReadingBlock) => JSON.stringify(a) === JSON.stringify(b);

function tableChange(
  before: Extract<ReadingBlock, { kind: "table" }>,
  after: Extract<ReadingBlock, { kind: "table" }>,
): ReadingPiece {
  return {
    change: "table-changed",
    header: after.header,
    rows: after.rows.map((row, r) =>
      row.map((text, c) => {
        const was = before.rows[r]?.[c];
        return was === undefined || was === text ? { text } : { text, was };
      }),
    ),
  };
}

/** Removed blocks followed by added ones: a table edited in place reads as changed cells. */
function pairUp(removed: ReadingBlock[], added: ReadingBlock[]): ReadingPiece[] {
  const pieces: ReadingPiece[] = removed.map((block) => ({ change: "removed", block }));
  for (const block of added) {
    const partner = pieces.findIndex(
      (p) =>
        p.change === "removed" &&
        block.kind === "table" &&
        p.block.kind === "table" &&
        p.block.header.length === block.header.length &&
        p.block.rows.length === block.rows.length,
    );
    const old = partner >= 0 ? pieces[partner] : undefined;
    if (old && old.change === "removed" && old.block.kind === "table" && block.kind === "table")
      pieces[partner] = tableChange(old.block, block);
    else pieces.push({ change: "added", block });
  }
  return pieces;
}

export function diffReading({ before, after }: { before: string; after: string }): ReadingDiff {
  const a = readingSource(before);
  const b = readingSource(after);
  const pieces: ReadingPiece[] = [];
  let removed: ReadingBlock[] = [];
  for (const part of diffArrays(a.blocks, b.blocks, { comparator: same })) {
    if (part.removed) {
      removed.push(...part.value);
    } else if (part.added) {
      pieces.push(...pairUp(removed, part.value));
      removed = [];
    } else {
      pieces.push(...pairUp(removed, []));
      removed = [];
      pieces.push(...part.value.map((block) => ({ change: "same" as const, block })));
    }
  }
  pieces.push(...pairUp(removed, []));

  const quizzes = (blocks: ReadingBlock[]) =>
    new Map(blocks.flatMap((q) => (q.kind === "quiz" ? [[q.id, q] as const] : [])));
  const beforeQuizzes = quizzes(a.blocks);
  const afterQuizzes = quizzes(b.blocks);
  const questions = { added: [] as string[], removed: [] as string[], changed: [] as string[] };
  for (const [id, quiz] of afterQuizzes) {
    const old = beforeQuizzes.get(id);
    if (!old) questions.added.push(quiz.question);
    else if (!same(old, quiz)) questions.changed.push(quiz.question);
  }
  for (const [id, quiz] of beforeQuizzes)
    if (!afterQuizzes.has(id)) questions.removed.push(quiz.question);

  return {
    pieces,
    friction: {
      added: b.friction.filter((f) => !a.friction.includes(f)),
      removed: a.friction.filter((f) => !b.friction.includes(f)),
    },
    questions,
  };
}
