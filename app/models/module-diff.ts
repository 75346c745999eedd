/** A line of a module diff: what the diff views draw. */
export type DiffLine = {
  kind: "added" | "removed" | "same";
  text: string;
  oldLine?: number;
  newLine?: number;
};
export type DiffHunk = { header: string; lines: DiffLine[] };
