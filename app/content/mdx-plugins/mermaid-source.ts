import { browserDrawnKind, serverDrawnKinds } from "./mermaid-kinds";

export type MermaidSource =
  | {
      drawable: true;
      /** What beautiful-mermaid is given: no front matter, directives, comments or accessibility lines. */
      text: string;
      /** "Flowchart", "Sequence diagram", … */
      kind: string;
      /** From front matter `title:` or `accTitle:`. */
      title?: string;
      /** From `accDescr:` or `accDescr { … }`. */
      description?: string;
    }
  | {
      /** A kind beautiful-mermaid does not draw: the page draws it with the mermaid package. */
      drawable: "in-browser";
      /** "Pie chart", "Gantt chart", … */
      kind: string;
      title?: string;
    }
  | {
      drawable: false;
      reason: string;
      /** The line of the diagram (1 for the fence's first) the problem is on, where one is. */
      line?: number;
    };

/**
 * Reads a Mermaid fence as Mermaid itself would before drawing: front matter, `%%{init}%%` directives,
 * `%%` comments and the accessibility lines are Mermaid's, not part of the diagram beautiful-mermaid parses.
 */
export function readMermaidSource(source: string): MermaidSource {
  // Lines Mermaid reads itself become blank rather than go, so a line number still points at the fence.
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let title: string | undefined;
  let description: string | undefined;

  const start = lines.findIndex((line) => line.trim() !== "");
  if (start >= 0 && lines[start].trim() === "---") {
    const end = lines.findIndex((line, i) => i > start && line.trim() === "---");
    for (let i = start; i <= end; i++) {
      const match = /^title:\s*(.+?)\s*$/.exec(lines[i]);
      if (match) title = unquote(match[1]);
      lines[i] = "";
    }
  }

  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    const accTitle = /^accTitle\s*:\s*(.*)$/.exec(trimmed);
    const accDescr = /^accDescr\s*:\s*(.*)$/.exec(trimmed);
    if (accTitle) title = accTitle[1].trim() || title;
    else if (accDescr) description = accDescr[1].trim() || description;
    else if (/^accDescr\s*\{/.test(trimmed)) {
      const body = [trimmed.replace(/^accDescr\s*\{/, "")];
      while (!body[body.length - 1].includes("}") && i + 1 < lines.length) {
        lines[i] = "";
        body.push(lines[++i]);
      }
      description = body.join(" ").replace(/\}.*$/, "").replace(/\s+/g, " ").trim() || description;
    } else if (!trimmed.startsWith("%%")) continue;
    lines[i] = "";
  }

  const first = lines.findIndex((line) => line.trim() !== "");
  if (first < 0) return { drawable: false, reason: "the diagram is empty" };
  // Mermaid allows `graph TD; A --> B` on one line and a flowchart without a direction (top to bottom).
  const [header, ...sameLine] = lines[first].trim().split(";");
  const keyword = header.trim().split(/\s+/)[0];
  const kind = serverDrawnKinds[keyword.toLowerCase()];
  const browserKind = kind ? undefined : browserDrawnKind(keyword);
  if (browserKind) return { drawable: "in-browser", kind: browserKind, ...(title && { title }) };
  if (!kind)
    return {
      drawable: false,
      reason: `Mermaid "${keyword}" diagrams are not supported`,
      line: first + 1,
    };
  const fullHeader = /^(graph|flowchart)$/i.test(header.trim())
    ? `${header.trim()} TD`
    : header.trim();
  lines[first] = fullHeader;
  const statements = sameLine.filter((part) => part.trim() !== "").map((part) => part.trim());
  if (kind === "Flowchart") {
    for (let i = first; i < lines.length; i++) {
      const scanned = (i === first ? statements : [lines[i]]).map(scanFlowchartLine);
      const unclosed = scanned.find((part) => part.unclosed)?.unclosed;
      if (unclosed)
        return {
          drawable: false,
          reason: `"${unclosed}" is never closed on line ${i + 1} of the diagram`,
          line: i + 1,
        };
      if (i === first) statements.splice(0, statements.length, ...scanned.map((p) => p.spaced));
      else lines[i] = scanned[0].spaced;
    }
  }
  lines[first] = [fullHeader, ...statements].join("\n");
  return { drawable: true, text: lines.join("\n").trim(), kind, title, description };
}

const arrowStart = /^(?:<?--|<?==|<?-\.)/;
const closers: Record<string, string> = { "[": "]", "(": ")", "{": "}", '"': '"', "|": "|" };

/**
 * beautiful-mermaid reads `A-->B` as a node named "A--" (ids may hold hyphens), where Mermaid sees an
 * arrow, so a space goes before each arrow that touches a node id. Labels in brackets, quotes and pipes
 * are left as written; one left open is a syntax error Mermaid would refuse too.
 */
export function scanFlowchartLine(line: string): { spaced: string; unclosed?: string } {
  const open: string[] = [];
  const opened: string[] = [];
  let spaced = "";
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    const inside = open[open.length - 1];
    if (inside) {
      if (char === inside) {
        open.pop();
        opened.pop();
      } else if (inside !== '"' && char in closers && char !== "|") {
        open.push(closers[char]);
        opened.push(char);
      }
    } else if (char in closers) {
      open.push(closers[char]);
      opened.push(char);
    } else if (/\w/.test(line[i - 1] ?? "") && arrowStart.test(line.slice(i))) {
      spaced += " ";
    }
    spaced += char;
  }
  return opened.length ? { spaced, unclosed: opened[0] } : { spaced };
}

function unquote(value: string) {
  return /^(["'])(.*)\1$/.exec(value)?.[2] ?? value;
}
