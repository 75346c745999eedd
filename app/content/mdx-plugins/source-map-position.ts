const base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeSegment(segment: string) {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = base64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** Maps a 1-based line and column of generated code back to the source, through a v3 source map's mappings. */
export function originalPosition({
  mappings,
  line,
  column,
}: {
  mappings: string;
  line: number;
  column: number;
}): { line: number; column: number } | null {
  let sourceLine = 0;
  let sourceColumn = 0;
  let best: { line: number; column: number } | null = null;
  const lines = mappings.split(";");
  for (let index = 0; index < lines.length && index < line; index += 1) {
    let generatedColumn = 0;
    for (const segment of lines[index].split(",")) {
      if (!segment) continue;
      const values = decodeSegment(segment);
      generatedColumn += values[0];
      if (values.length < 4) continue;
      sourceLine += values[2];
      sourceColumn += values[3];
      if (index === line - 1 && generatedColumn <= column - 1)
        best = { line: sourceLine + 1, column: sourceColumn + 1 };
    }
  }
  return best;
}
