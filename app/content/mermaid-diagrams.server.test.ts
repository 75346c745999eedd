import path from "node:path";
import { compileMdx } from "./compile-mdx.server";
import { renderModule } from "./render-module.server";
import { writeTree } from "./__fixtures__/write-tree";

async function compile(source: string) {
  const productDir = writeTree({ "module.mdx": source });
  const filePath = path.join(productDir, "module.mdx");
  const result = await compileMdx({ source, filePath, productDir, productSlug: "acme" });
  const html = result.code ? renderModule(result.code).html.replace(/<!-- -->/g, "") : "";
  const messages = result.diagnostics.map(
    (d) => `${d.severity} ${path.relative(productDir, d.file)}:${d.line ?? "-"} ${d.message}`,
  );
  return { ...result, html, messages };
}

const flowchart = [
  "# Checkout",
  "",
  '```mermaid placement="top-right" actions={false}',
  "flowchart LR",
  "  Cart[Review cart]-->Pay{Card accepted?}",
  "  Pay -->|yes| Ship[Ship order]",
  "```",
  "",
].join("\n");

const sequence = [
  "```mermaid",
  "sequenceDiagram",
  "  participant Shop",
  "  participant Bank",
  "  Shop->>Bank: Authorise payment",
  "  Bank-->>Shop: Approved",
  "```",
  "",
].join("\n");

/** The text of every <text> element inside the diagram's <svg>. */
function svgTexts(html: string) {
  const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
}

test("a mermaid flowchart compiles to an inline SVG with its node labels as text, fence options kept out", async () => {
  const { html, messages, ok } = await compile(flowchart);
  expect(ok).toBe(true);
  expect(messages).toEqual([]);
  expect(html).toMatch(/<figure class="fh-diagram" data-diagram="flowchart">/);
  expect(svgTexts(html)).toEqual(
    expect.arrayContaining(["Review cart", "Card accepted?", "Ship order", "yes"]),
  );
  expect(html).toMatch(
    /<svg[^>]* role="img" aria-label="Flowchart: Review cart, Card accepted\?, Ship order, yes"/,
  );
  expect(html).toMatch(
    /<div class="fh-diagram__canvas" role="region" aria-label="Flowchart" tabindex="0">/,
  );
  expect(html).toContain('<summary class="fh-diagram__summary">Diagram source</summary>');
  expect(html).toContain("Cart[Review cart]--&gt;Pay{Card accepted?}");
  expect(html).not.toMatch(/placement|top-right|actions/);
});

test("a mermaid sequence diagram compiles to an SVG with its participants and messages as text", async () => {
  const { html, messages } = await compile(sequence);
  expect(messages).toEqual([]);
  expect(html).toContain('data-diagram="sequence-diagram"');
  expect(svgTexts(html)).toEqual(
    expect.arrayContaining(["Shop", "Bank", "Authorise payment", "Approved"]),
  );
});

test("no <style> element reaches the page, and two diagrams on it share no ids", async () => {
  const { html } = await compile(`${flowchart}\n${sequence}\n${flowchart}`);
  expect(html).not.toMatch(/<style/i);
  expect(html).not.toMatch(/@import|fonts\.googleapis/);
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
  expect(ids.length).toBeGreaterThan(4);
  expect(new Set(ids).size).toBe(ids.length);
  for (const reference of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(reference[1]);
});

test("a broken diagram shows its source with a note, and content:check gets a warning at its line", async () => {
  const source = [
    "Intro.",
    "",
    "```mermaid",
    "flowchart TD",
    "  A[Start --> B",
    "```",
    "",
    "```mermaid",
    "pies title Pets",
    '  "Dogs" : 386',
    "```",
    "",
    "After.",
    "",
  ].join("\n");
  const { html, messages, ok } = await compile(source);
  expect(ok).toBe(true);
  expect(messages).toEqual([
    'warning module.mdx:5 Mermaid diagram could not be drawn ("[" is never closed on line 2 of the diagram); its source is shown instead',
    'warning module.mdx:9 Mermaid diagram could not be drawn (Mermaid "pies" diagrams are not supported); its source is shown instead',
  ]);
  expect(html).not.toContain("<svg");
  expect(html).toContain(
    "This diagram could not be drawn: &quot;[&quot; is never closed on line 2 of the diagram.",
  );
  expect(html).toContain(
    "This diagram could not be drawn: Mermaid &quot;pies&quot; diagrams are not supported.",
  );
  expect(html).toContain('<code class="language-mermaid">pies title Pets');
  expect(html).toContain("<p>After.</p>");
});

const pie = [
  "```mermaid Pets we adopted",
  "pie title Pets",
  '  "Dogs" : 386',
  '  "Cats" : 85',
  "```",
  "",
].join("\n");
const gantt = [
  "```mermaid",
  "gantt",
  "  accTitle: Launch plan",
  "  dateFormat YYYY-MM-DD",
  "  section Build",
  "  Write docs :a1, 2024-01-01, 5d",
  "```",
  "",
].join("\n");

test("a Mermaid kind beautiful-mermaid cannot draw becomes a figure the browser draws, its source shown until then, without a warning", async () => {
  const { html, code, messages, ok } = await compile(`${pie}\n${gantt}`);
  expect(ok).toBe(true);
  expect(messages).toEqual([]);
  expect(html).not.toContain("could not be drawn");
  expect(html).not.toContain("<svg");
  expect(html).toMatch(
    /<figure class="fh-diagram" data-diagram="pie-chart" data-drawn-by="browser">/,
  );
  expect(html).toContain(
    '<figure class="fh-diagram" data-diagram="gantt-chart" data-drawn-by="browser">',
  );
  // The page's script names the drawing from these.
  expect(code).toMatch(/"data-diagram-id":"fh-diagram-1-[0-9a-f]{8}"/);
  expect(code).toContain('"data-label":"Pets we adopted"');
  expect(code).toContain('"data-label":"Launch plan"');
  expect(html).toContain(
    '<p class="fh-diagram__note fh-diagram__note--waiting">This diagram is drawn when JavaScript runs; its source is below.</p>',
  );
  expect(html).toContain('<code class="language-mermaid">pie title Pets');
  expect(html).toContain("Write docs :a1, 2024-01-01, 5d");
  expect(html).toContain('<figcaption class="fh-diagram__caption">Pets we adopted</figcaption>');
});

test("an error beautiful-mermaid throws falls back the same way, at the fence's line", async () => {
  const { html, messages } = await compile("```mermaid\nflowchart sideways\n  A --> B\n```\n");
  expect(messages).toEqual([
    expect.stringMatching(
      /^warning module\.mdx:1 Mermaid diagram could not be drawn \(Invalid mermaid header: "flowchart sideways"/,
    ),
  ]);
  expect(html).toContain("This diagram could not be drawn: Invalid mermaid header");
});

test("the same source compiles to the same code", async () => {
  const first = await compile(`${flowchart}\n${sequence}`);
  const second = await compile(`${flowchart}\n${sequence}`);
  expect(second.code).toBe(first.code);
});

test("a fence title becomes the caption and the diagram's name; accTitle wins over it", async () => {
  const titled = await compile("```mermaid Payment flow\nflowchart LR\n  A --> B\n```\n");
  expect(titled.html).toContain(
    '<figcaption class="fh-diagram__caption">Payment flow</figcaption>',
  );
  expect(titled.html).toContain('aria-label="Payment flow: A, B"');
  const named = await compile(
    "```mermaid Payment flow\nflowchart LR\n  accTitle: How a card is charged\n  A --> B\n```\n",
  );
  expect(named.html).toContain('aria-label="How a card is charged: A, B"');
});
