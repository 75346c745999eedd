import { createHash } from "node:crypto";
import type { Element, ElementContent } from "hast";
import type { Code, Root } from "mdast";
import type { Node } from "unist";
import { SKIP, visit } from "unist-util-visit";
import { report, type CompileContext } from "../compile-context";
import { readMermaidSource } from "./mermaid-source";
import type { drawMermaidSvg } from "./mermaid-svg";
import type { PluginFile } from "./mdx-nodes";
import { codeTitleFromMeta } from "./rehype-code-meta";

/** A block that is already HTML: mdast-util-to-hast turns it into `hName` with `hChildren`. */
export interface HastBlock extends Node {
  type: "hastBlock";
  data: { hName: string; hProperties: Element["properties"]; hChildren: ElementContent[] };
}

declare module "mdast" {
  interface BlockContentMap {
    hastBlock: HastBlock;
  }
  interface RootContentMap {
    hastBlock: HastBlock;
  }
}

const shownLabels = 8;

/**
 * A ```` ```mermaid ```` fence (Mintlify, Docusaurus, Nextra) of a kind beautiful-mermaid knows is drawn
 * here, at compile time, as an inline SVG: it shows without JavaScript and nothing ships to the browser to
 * draw it. Other Mermaid kinds become a figure the page draws with the mermaid package
 * (app/components/mdx/mermaid-figure.tsx), showing their source until it has. Fence options such as
 * Mintlify's `placement` or `actions` steer its zoom controls, which a static drawing has no use for.
 */
export function remarkMermaid(context: CompileContext) {
  return async (tree: Root, file: PluginFile) => {
    let fences = 0;
    visit(tree, "code", (node: Code) => {
      if (node.lang?.toLowerCase() === "mermaid") fences += 1;
    });
    if (fences === 0) return;
    // Loaded on the first diagram: the renderer and its layout engine are megabytes a server
    // whose content draws none never holds.
    const { drawMermaidSvg: draw } = await import("./mermaid-svg");
    let count = 0;
    visit(tree, "code", (node: Code, index, parent) => {
      if (node.lang?.toLowerCase() !== "mermaid" || !parent || index === undefined) return;
      count += 1;
      const caption = codeTitleFromMeta(node.meta);
      const fenceLine = node.position?.start.line;
      const drawn = drawDiagram({
        node,
        caption,
        idPrefix: idPrefixFor(node.value, count),
        draw,
      });
      if (drawn.reason) {
        report(context, {
          severity: "warning",
          file: file.path,
          line: fenceLine && fenceLine + (drawn.line ?? 0),
          message: `Mermaid diagram could not be drawn (${drawn.reason}); its source is shown instead`,
        });
      }
      parent.children[index] = {
        type: "hastBlock",
        data: {
          hName: "figure",
          hProperties: {
            className: ["fh-diagram"],
            dataDiagram: drawn.kind,
            ...drawn.properties,
          },
          hChildren: drawn.children,
        },
        position: node.position,
      };
      return SKIP;
    });
  };
}

function drawDiagram({
  node,
  caption,
  idPrefix,
  draw,
}: {
  node: Code;
  caption: string | undefined;
  idPrefix: string;
  draw: typeof drawMermaidSvg;
}): DrawnDiagram {
  const source = readMermaidSource(node.value);
  if (source.drawable === "in-browser")
    return browserDiagram({
      node,
      caption,
      idPrefix,
      kind: source.kind,
      name: source.title ?? caption ?? source.kind,
    });
  if (!source.drawable) return failedDiagram({ node, reason: source.reason, line: source.line });
  const name = source.title ?? caption ?? source.kind;
  let drawn: ReturnType<typeof drawMermaidSvg>;
  try {
    drawn = draw({ text: source.text, idPrefix, label: name });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failedDiagram({ node, reason: message.split("\n")[0] });
  }
  const { svg, labels } = drawn;
  const more = labels.length > shownLabels ? ", …" : "";
  svg.properties.ariaLabel = labels.length
    ? `${name}: ${labels.slice(0, shownLabels).join(", ")}${more}`
    : name;
  if (source.description) {
    svg.children.unshift(element("desc", {}, [{ type: "text", value: source.description }]));
  }
  return {
    kind: slug(source.kind),
    children: [
      // Focusable and named, so a keyboard can scroll a diagram wider than a phone.
      element(
        "div",
        { className: ["fh-diagram__canvas"], role: "region", ariaLabel: name, tabIndex: 0 },
        [svg],
      ),
      ...(caption
        ? [element("figcaption", { className: ["fh-diagram__caption"] }, [text(caption)])]
        : []),
      element("details", { className: ["fh-diagram__source"] }, [
        element("summary", { className: ["fh-diagram__summary"] }, [text("Diagram source")]),
        codeBlock(node.value),
      ]),
    ],
  };
}

/**
 * What the figure shows until the page's script draws it; the hProperties tell mermaid-figure.tsx how to.
 */
function browserDiagram({
  node,
  caption,
  idPrefix,
  kind,
  name,
}: {
  node: Code;
  caption: string | undefined;
  idPrefix: string;
  kind: string;
  name: string;
}): DrawnDiagram {
  return {
    kind: slug(kind),
    properties: { dataDrawnBy: "browser", dataDiagramId: idPrefix, dataLabel: name },
    children: [
      element("p", { className: ["fh-diagram__note", "fh-diagram__note--waiting"] }, [
        text("This diagram is drawn when JavaScript runs; its source is below."),
      ]),
      codeBlock(node.value),
      ...(caption
        ? [element("figcaption", { className: ["fh-diagram__caption"] }, [text(caption)])]
        : []),
    ],
  };
}

type DrawnDiagram = {
  kind: string;
  /** More of the figure's own properties. */
  properties?: Element["properties"];
  children: ElementContent[];
  reason?: string;
  /** The line of the diagram the reason is about. */
  line?: number;
};

function failedDiagram({
  node,
  reason,
  line,
}: {
  node: Code;
  reason: string;
  line?: number;
}): DrawnDiagram {
  return {
    kind: "unsupported",
    line,
    reason: reason.replace(/\.+$/, ""),
    children: [
      element("p", { className: ["fh-diagram__note"] }, [
        text(`This diagram could not be drawn: ${reason.replace(/\.+$/, "")}.`),
      ]),
      codeBlock(node.value),
    ],
  };
}

/** The same `pre > code` a fence becomes, so highlighting and the `pre` component treat it as one. */
function codeBlock(value: string) {
  return element("pre", {}, [
    element("code", { className: ["language-mermaid"] }, [text(`${value}\n`)]),
  ]);
}

function slug(kind: string) {
  return kind.toLowerCase().replace(/\s+/g, "-");
}

/** Stable across compiles (modules are content-hashed) and distinct for two diagrams on one page. */
function idPrefixFor(source: string, count: number) {
  return `fh-diagram-${count}-${createHash("sha256").update(source).digest("hex").slice(0, 8)}`;
}

function element(
  tagName: string,
  properties: Element["properties"],
  children: ElementContent[],
): Element {
  return { type: "element", tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: "text", value };
}
