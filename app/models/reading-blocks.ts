import { parse as parseYaml } from "yaml";

/** One piece of a module as the customer reads it: what a "what changed" page compares. */
export type ReadingBlock =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "table"; header: string[]; rows: string[][] }
  | { kind: "callout"; tone: string; title: string | null; text: string }
  | { kind: "quiz"; id: string; question: string; choices: string[] }
  | { kind: "code"; text: string }
  | { kind: "image"; alt: string };

export type ReadingSource = { friction: string[]; blocks: ReadingBlock[] };

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function frictionOf(yaml: string | undefined): string[] {
  if (!yaml) return [];
  try {
    const data: unknown = parseYaml(yaml);
    const friction = (data as { friction?: unknown } | null)?.friction;
    return Array.isArray(friction) ? friction.filter((f) => typeof f === "string") : [];
  } catch {
    return [];
  }
}

/** Words as they read: links keep their text, inline components their content, tags vanish. */
export function readableText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/<\/?[A-Za-z][\w.]*(\s[^<>]*)?\/?>/g, "")
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*["'\`]([^"'\`]*)["'\`]\\s*\\})`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined) ?? "";

function quizBlock(source: string): ReadingBlock {
  const open = /<Quiz\b[^>]*>/.exec(source)?.[0] ?? "";
  const choices = [...source.matchAll(/<Choice\b[^>]*>([\s\S]*?)<\/Choice>/g)].map((m) =>
    readableText(m[1]),
  );
  return {
    kind: "quiz",
    id: attribute(open, "id"),
    question: attribute(open, "question"),
    choices,
  };
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => readableText(cell.trim()));

function groupBlocks(lines: string[]): ReadingBlock[] {
  const text = lines.join("\n").trim();
  if (!text) return [];
  if (lines.every((l) => l.trim().startsWith("|"))) {
    const rows = lines.filter((l) => !/^\s*\|?[\s:|-]+\|?\s*$/.test(l)).map(cells);
    return [{ kind: "table", header: rows[0] ?? [], rows: rows.slice(1) }];
  }
  const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0].trim());
  if (heading) {
    return [
      { kind: "heading", level: heading[1].length, text: readableText(heading[2]) },
      ...groupBlocks(lines.slice(1)),
    ];
  }
  const item = /^\s*(?:[-*+]|(\d+)[.)])\s+(?:\[[ xX]\]\s+)?/;
  if (item.test(lines[0])) {
    const items: string[] = [];
    for (const line of lines) {
      if (item.test(line) && !/^\s{2,}/.test(line)) items.push(line.replace(item, ""));
      else if (items.length) items[items.length - 1] += ` ${line.trim()}`;
    }
    return [{ kind: "list", ordered: /^\s*\d/.test(lines[0]), items: items.map(readableText) }];
  }
  const image = /^!\[([^\]]*)\]\([^)]*\)$/.exec(text);
  if (image) return [{ kind: "image", alt: image[1] }];
  const words = readableText(text);
  return words ? [{ kind: "paragraph", text: words }] : [];
}

/** A module's source as the reader meets it, in order; answer keys never reach it. */
export function readingSource(source: string): ReadingSource {
  const front = frontmatterPattern.exec(source);
  const body = (front ? source.slice(front[0].length) : source).split(/\r?\n/);
  const blocks: ReadingBlock[] = [];
  let group: string[] = [];
  const flush = () => {
    blocks.push(...groupBlocks(group));
    group = [];
  };
  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    const trimmed = line.trim();
    const fence = /^(```|~~~)/.exec(trimmed);
    const callout = /^:::(\w+)(?:\[(.*)\])?\s*(.*)$/.exec(trimmed);
    if (/^(import|export)\s/.test(line)) continue;
    if (!trimmed) {
      flush();
    } else if (fence) {
      flush();
      const code: string[] = [];
      while (++i < body.length && !body[i].trim().startsWith(fence[1])) code.push(body[i]);
      blocks.push({ kind: "code", text: code.join("\n") });
    } else if (/^<Quiz\b/.test(trimmed)) {
      flush();
      const quiz: string[] = [line];
      while (!/<\/Quiz>/.test(quiz.at(-1) ?? "") && ++i < body.length) quiz.push(body[i]);
      blocks.push(quizBlock(quiz.join("\n")));
    } else if (callout) {
      flush();
      const inner: string[] = [];
      while (++i < body.length && body[i].trim() !== ":::") inner.push(body[i]);
      blocks.push({
        kind: "callout",
        tone: callout[1],
        title: callout[2] ? readableText(callout[2]) : callout[3] ? readableText(callout[3]) : null,
        text: readableText(inner.join(" ")),
      });
    } else if (
      /^<\/?[A-Za-z][^>]*>$/.test(trimmed) &&
      !/^<(Term|a|strong|em|code)\b/.test(trimmed)
    ) {
      // A component's opening or closing line: its content still reads, the tag does not.
      flush();
    } else {
      group.push(line);
    }
  }
  flush();
  return { friction: frictionOf(front?.[1]), blocks };
}
