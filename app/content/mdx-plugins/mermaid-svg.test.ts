import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Element } from "hast";
import { drawMermaidSvg, rulesInStylesheet } from "./mermaid-svg";

const stylesheet = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), "../../styles/mdx-diagrams.css"),
  "utf8",
);

const oneOfEach = {
  flowchart: "flowchart LR\n  A[Start] --> B{Paid?}\n  B -->|yes| C[Ship]",
  state: "stateDiagram-v2\n  [*] --> Idle\n  Idle --> Busy: start",
  sequence: "sequenceDiagram\n  Shop->>Bank: Charge\n  Bank-->>Shop: OK",
  class: "classDiagram\n  Animal <|-- Duck\n  Animal: +int age",
  er: "erDiagram\n  CUSTOMER ||--o{ ORDER : places",
  xychart: 'xychart-beta\n  title "Revenue"\n  x-axis [Jan, Feb]\n  bar [1, 2]\n  line [2, 1]',
};

function* elements(node: Element): Generator<Element> {
  yield node;
  for (const child of node.children) if (child.type === "element") yield* elements(child);
}

test.each(Object.entries(oneOfEach))(
  "a %s draws with every <style> rule either inlined or in mdx-diagrams.css",
  (_kind, text) => {
    const { svg, droppedRules } = drawMermaidSvg({ text, idPrefix: "d1", label: "Diagram" });
    expect(droppedRules).toEqual([]);
    const tags = new Set([...elements(svg)].map((element) => element.tagName));
    expect(tags.has("style")).toBe(false);
    expect(svg.properties).toMatchObject({ role: "img", ariaLabel: "Diagram" });
    expect(String(svg.properties.style)).toContain("--_node-fill:");
  },
);

test("each rule left to the stylesheet is in mdx-diagrams.css under .fh-diagram__svg", () => {
  for (const selector of rulesInStylesheet)
    expect(stylesheet, selector).toContain(`.fh-diagram__svg ${selector} {`);
});

test("a chart's series colours are inlined on the bars and lines they colour", () => {
  const { svg } = drawMermaidSvg({ text: oneOfEach.xychart, idPrefix: "d1", label: "Chart" });
  const bar = [...elements(svg)].find((element) =>
    String(element.properties.className).includes("xychart-bar"),
  );
  expect(String(bar?.properties.style)).toContain("fill:var(--xychart-bar-fill-0)");
  expect(String(svg.properties.style)).toContain("--xychart-color-0:");
});

test("marker ids are prefixed, and the edges that point at them follow", () => {
  const { svg } = drawMermaidSvg({ text: oneOfEach.flowchart, idPrefix: "d7", label: "Flow" });
  const all = [...elements(svg)];
  const ids = all.map((element) => element.properties.id).filter(Boolean);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(String(id)).toMatch(/^d7-/);
  const edge = all.find((element) => element.properties.markerEnd);
  expect(edge?.properties.markerEnd).toMatch(/^url\(#d7-/);
});

test("labels come out as text, node names before edge labels", () => {
  const { labels } = drawMermaidSvg({ text: oneOfEach.flowchart, idPrefix: "d1", label: "Flow" });
  expect(labels).toEqual(["Start", "Paid?", "Ship", "yes"]);
});

test("markup in a label stays text", () => {
  const { svg, labels } = drawMermaidSvg({
    text: 'flowchart LR\n  A["<script>alert(1)</script>"] --> B["<img src=x onerror=alert(2)>"]',
    idPrefix: "d1",
    label: "Flow",
  });
  const tags = new Set([...elements(svg)].map((element) => element.tagName));
  expect(tags.has("script")).toBe(false);
  expect(tags.has("img")).toBe(false);
  expect(labels.join(" ")).toContain("alert(1)");
});
