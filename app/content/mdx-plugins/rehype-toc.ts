import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";
import { isEntryFile, type CompileContext } from "../compile-context";
import type { PluginFile } from "./mdx-nodes";

/** Collects the module's h2/h3 headings (after rehype-slug gave them ids) for the table of contents. */
export function rehypeToc(context: CompileContext) {
  return (tree: Root, file: PluginFile) => {
    if (!isEntryFile(context, file.path)) return;
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "h2" && node.tagName !== "h3") return;
      const id = node.properties.id;
      const text = textOf(node.children).trim();
      if (typeof id !== "string" || !text) return;
      context.headings.push({ depth: node.tagName === "h2" ? 2 : 3, id, text });
    });
  };
}

function textOf(nodes: ElementContent[]): string {
  return nodes
    .map((node) =>
      node.type === "text" ? node.value : "children" in node ? textOf(node.children) : "",
    )
    .join("");
}
