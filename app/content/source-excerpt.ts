export type ExcerptLine = { number: number; text: string; flagged: boolean };

/** The lines around `line` (1-based) of a source, the flagged one marked; empty when it is out of range. */
export function sourceExcerpt({
  source,
  line,
  context = 3,
}: {
  source: string;
  line: number;
  context?: number;
}): ExcerptLine[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  if (line < 1 || line > lines.length) return [];
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const excerpt: ExcerptLine[] = [];
  for (let number = first; number <= last; number++) {
    excerpt.push({ number, text: lines[number - 1], flagged: number === line });
  }
  return excerpt;
}
