import { LineCounter, parseDocument, isMap, isScalar, type Document } from "yaml";

export type YamlSource = {
  doc: Document.Parsed;
  /** 1-based line of `key` (a top-level key or a path into nested maps/lists), or undefined. */
  lineOf: (path: (string | number)[]) => number | undefined;
  errors: { message: string; line: number; column: number }[];
};

/** Parses YAML keeping positions, so schema errors can name a line. `firstLine` is the text's line in its file. */
export function parseYamlSource({
  text,
  firstLine = 1,
}: {
  text: string;
  firstLine?: number;
}): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;

  function lineOf(path: (string | number)[]) {
    let node: unknown = doc.contents;
    let line: number | undefined;
    for (const key of path) {
      if (!isMap(node) && !(node && typeof node === "object" && "items" in node)) return line;
      const items = (node as { items: unknown[] }).items;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (!pair) return line;
        if (isScalar(pair.key) && pair.key.range) line = toFileLine(pair.key.range[0]);
        node = pair.value;
      } else {
        const item = typeof key === "number" ? items[key] : undefined;
        if (!item) return line;
        const range = (item as { range?: [number, number, number] }).range;
        if (range) line = toFileLine(range[0]);
        node = item;
      }
    }
    return line;
  }

  const errors = doc.errors.map((error) => {
    // Without prettyErrors the parser gives offsets only; the line counter turns them into a place.
    const place = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    return {
      message: error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""),
      line: place.line + firstLine - 1,
      column: place.col,
    };
  });
  return { doc, lineOf, errors };
}
