/**
 * Rewrites docs-framework syntax that MDX 3 rejects or reads differently into what it accepts, without
 * changing the line count, so every diagnostic still points at the author's line:
 * `:::tip Title` → `:::tip[Title]`, `<!-- x -->` → `{/* x *\/}`, `<br>` → `<br />`,
 * `<https://x>` → `[https://x](https://x)`, and `## Heading {#id}` → `## Heading` with the id kept aside.
 */
export function normalizeMdxSource(source: string) {
  const headingIds = new Map<number, string>();
  const lines = source.replace(/^\uFEFF/, "").split("\n");
  let fence: string | null = null;
  let inComment = false;

  const output = lines.map((line, index) => {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (!inComment && fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      return line;
    }
    if (fence) return line;

    let result = "";
    let rest = line;
    while (rest.length) {
      if (inComment) {
        const close = rest.indexOf("-->");
        if (close === -1) {
          result += escapeCommentText(rest);
          rest = "";
        } else {
          result += `${escapeCommentText(rest.slice(0, close))}*/}`;
          rest = rest.slice(close + 3);
          inComment = false;
        }
        continue;
      }
      const open = indexOutsideInlineCode(rest, "<!--");
      if (open === -1) {
        result += rewriteOutsideInlineCode(rest);
        rest = "";
      } else {
        result += `${rewriteOutsideInlineCode(rest.slice(0, open))}{/*`;
        rest = rest.slice(open + 4);
        inComment = true;
      }
    }

    const admonition = /^(\s*:{3,})([A-Za-z][\w-]*)[ \t]+([^[{\s].*?)\s*$/.exec(result);
    if (admonition) {
      const [, colons, name, title] = admonition;
      result = `${colons}${name}[${title.replace(/([[\]])/g, "\\$1")}]`;
    }

    const heading = /^(\s{0,3}#{1,6}\s+.*?)\s*\{#([\w-]+)\}\s*$/.exec(result);
    if (heading) {
      headingIds.set(index + 1, heading[2]);
      result = heading[1];
    }
    return result;
  });

  return { source: output.join("\n"), headingIds };
}

function escapeCommentText(text: string) {
  return text.replace(/\*\//g, "* /");
}

const voidTag = /<(br|hr|img|input|source|wbr|col|area|embed|track)(\s[^<>]*?)?\s*>/gi;
const autolink = /<((?:https?|mailto):[^\s<>]+)>/g;

function rewriteOutsideInlineCode(text: string) {
  return splitInlineCode(text)
    .map((part) =>
      part.code
        ? part.text
        : part.text
            .replace(voidTag, (tag, name: string, attributes = "") =>
              tag.endsWith("/>") ? tag : `<${name}${attributes} />`,
            )
            .replace(autolink, "[$1]($1)"),
    )
    .join("");
}

function indexOutsideInlineCode(text: string, search: string) {
  let offset = 0;
  for (const part of splitInlineCode(text)) {
    if (!part.code) {
      const found = part.text.indexOf(search);
      if (found !== -1) return offset + found;
    }
    offset += part.text.length;
  }
  return -1;
}

/** Splits a line into code spans (between matching backtick runs) and the text around them. */
function splitInlineCode(text: string) {
  const parts: { text: string; code: boolean }[] = [];
  let position = 0;
  const runs = /`+/g;
  let match: RegExpExecArray | null;
  while ((match = runs.exec(text))) {
    const closing = text.indexOf(match[0], match.index + match[0].length);
    let close = closing;
    // The closing run must be exactly as long as the opening one.
    while (close !== -1 && text[close + match[0].length] === "`") {
      close = text.indexOf(match[0], close + match[0].length + 1);
    }
    if (close === -1) continue;
    parts.push({ text: text.slice(position, match.index), code: false });
    parts.push({ text: text.slice(match.index, close + match[0].length), code: true });
    position = close + match[0].length;
    runs.lastIndex = position;
  }
  parts.push({ text: text.slice(position), code: false });
  return parts;
}
