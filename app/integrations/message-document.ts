/**
 * One notification written once and rendered three ways (plain text, HTML, Slack mrkdwn), so every
 * piece of text from content or people goes through the same escaping whatever the channel.
 */
export type Inline = string | { strong: string } | { link: string; label: string };

export type Block =
  | { type: "paragraph"; parts: Inline[] }
  | { type: "list"; items: Inline[][] }
  | { type: "table"; caption: string; head: string[]; rows: string[][] };

export type SlackText = { type: "mrkdwn"; text: string; verbatim: true };
export type SlackBlock =
  { type: "section"; text: SlackText } | { type: "context"; elements: SlackText[] };
/** The body of a POST to a Slack incoming webhook: `text` is the notification fallback. */
export type SlackMessage = { text: string; blocks: SlackBlock[] };

/** Control characters (newlines included) would break a header or a one-line message. */
export function oneLine(value: string): string {
  return value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Slack reads only these three as markup (`<!channel>`, `<url|label>`); everything else is text. */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function inlineText(part: Inline): string {
  if (typeof part === "string") return part;
  if ("strong" in part) return part.strong;
  return `${part.label} (${part.link})`;
}

function inlineHtml(part: Inline): string {
  if (typeof part === "string") return escapeHtml(part);
  if ("strong" in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
  return `<a href="${escapeHtml(part.link)}" style="color:#2b59c3">${escapeHtml(part.label)}</a>`;
}

function inlineMrkdwn(part: Inline): string {
  if (typeof part === "string") return escapeMrkdwn(part);
  if ("strong" in part) return `*${escapeMrkdwn(oneLine(part.strong))}*`;
  // A "|" or ">" in the URL would end it early; the URLs are ours, so percent-encode them.
  const url = escapeMrkdwn(part.link.replace(/\|/g, "%7C").replace(/>/g, "%3E"));
  return `<${url}|${escapeMrkdwn(oneLine(part.label))}>`;
}

const join = (parts: Inline[], render: (part: Inline) => string) => parts.map(render).join("");

function tableRowText(head: string[], row: string[]) {
  const cells = row.slice(1).map((cell, i) => `${head[i + 1].toLowerCase()} ${cell}`);
  return `${row[0]}: ${cells.join(", ")}`;
}

export function renderText(blocks: Block[]): string {
  const rendered = blocks.map((block) => {
    switch (block.type) {
      case "paragraph":
        return join(block.parts, inlineText);
      case "list":
        return block.items.map((item) => `- ${join(item, inlineText)}`).join("\n");
      case "table":
        return [
          block.caption,
          ...block.rows.map((row) => `- ${tableRowText(block.head, row)}`),
        ].join("\n");
    }
  });
  return `${rendered.join("\n\n")}\n`;
}

const cell = "padding:6px 8px 6px 0;border-bottom:1px solid #e3e6ee;text-align:left";

function tableHtml(block: Extract<Block, { type: "table" }>) {
  const head = block.head.map((h) => `<th style="${cell}">${escapeHtml(h)}</th>`).join("");
  const rows = block.rows
    .map(
      (row) =>
        `<tr>${row
          .map((value, i) =>
            i === 0
              ? `<th scope="row" style="${cell}">${escapeHtml(value)}</th>`
              : `<td style="${cell}">${escapeHtml(value)}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("");
  return `<table style="border-collapse:collapse;width:100%;margin:0 0 16px;font-size:14px"><caption style="text-align:left;font-weight:600;padding:0 0 6px">${escapeHtml(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderHtml({ title, blocks }: { title: string; blocks: Block[] }): string {
  const body = blocks
    .map((block) => {
      switch (block.type) {
        case "paragraph":
          return `<p style="margin:0 0 16px">${join(block.parts, inlineHtml)}</p>`;
        case "list":
          return `<ul style="margin:0 0 16px;padding-left:20px">${block.items
            .map((item) => `<li style="margin:0 0 6px">${join(item, inlineHtml)}</li>`)
            .join("")}</ul>`;
        case "table":
          return tableHtml(block);
      }
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:16px;background:#f6f7fb;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1d2433">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e3e6ee;border-radius:12px;padding:20px">
${body}
</div>
</body></html>
`;
}

// Slack refuses a section over 3,000 characters and a message over 50 blocks.
const sectionLimit = 3000;
const blockLimit = 50;

function clip(text: string) {
  return text.length <= sectionLimit ? text : `${text.slice(0, sectionLimit - 1)}…`;
}

function mrkdwn(text: string): SlackText {
  return { type: "mrkdwn", text: clip(text), verbatim: true };
}

function blockMrkdwn(block: Block): string {
  switch (block.type) {
    case "paragraph":
      return join(block.parts, inlineMrkdwn);
    case "list":
      return block.items.map((item) => `• ${join(item, inlineMrkdwn)}`).join("\n");
    case "table":
      return [
        `*${escapeMrkdwn(block.caption)}*`,
        ...block.rows.map((row) => {
          const [first, ...rest] = row;
          const cells = rest.map(
            (v, i) => `${escapeMrkdwn(v)} ${escapeMrkdwn(block.head[i + 1].toLowerCase())}`,
          );
          return `• *${escapeMrkdwn(first)}*: ${cells.join(" · ")}`;
        }),
      ].join("\n");
  }
}

/** A Slack message: each block a section, and an optional small-print line beneath. */
export function renderSlack({
  blocks,
  context,
}: {
  blocks: Block[];
  context?: Inline[];
}): SlackMessage {
  const sections: SlackBlock[] = blocks
    .slice(0, context ? blockLimit - 1 : blockLimit)
    .map((block) => ({ type: "section", text: mrkdwn(blockMrkdwn(block)) }));
  if (context) sections.push({ type: "context", elements: [mrkdwn(join(context, inlineMrkdwn))] });
  const first = blocks[0];
  return { text: clip(first ? blockMrkdwn(first) : ""), blocks: sections };
}
