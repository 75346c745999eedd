import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { isEntryFile, type CompileContext } from "../compile-context";
import { isJsxElement, type MdxJsxElement, type PluginFile } from "./mdx-nodes";

const isTocInline = (node: Node): node is MdxJsxElement =>
  isJsxElement(node) && node.name === "TOCInline";

/** Docusaurus passes the page's `toc` export to `<TOCInline toc={toc} />`; the compiler fills it instead. */
export function remarkTocInline() {
  return (tree: Root) => {
    visit(tree as Node, (node: Node) => {
      if (!isTocInline(node)) return;
      node.attributes = node.attributes.filter(
        (attribute) => attribute.type === "mdxJsxAttribute" && attribute.name !== "toc",
      );
    });
  };
}

/** Runs after rehype-toc: each `<TOCInline>` gets a list of links to the module's headings. */
export function rehypeTocInline(context: CompileContext) {
  return (tree: HastRoot, file: PluginFile) => {
    if (!isEntryFile(context, file.path)) return;
    visit(tree as Node, (node: Node) => {
      if (!isTocInline(node)) return;
      const max = levelAttribute(node, "maxHeadingLevel") ?? 3;
      const min = levelAttribute(node, "minHeadingLevel") ?? 2;
      const items: ElementContent[] = context.headings
        .filter((heading) => heading.depth >= min && heading.depth <= max)
        .map((heading): Element => ({
          type: "element",
          tagName: "li",
          properties: { className: [`fh-toc-inline__item--h${heading.depth}`] },
          children: [
            {
              type: "element",
              tagName: "a",
              properties: { href: `#${heading.id}` },
              children: [{ type: "text", value: heading.text }],
            },
          ],
        }));
      const list: Element = { type: "element", tagName: "ul", properties: {}, children: items };
      (node as unknown as { children: ElementContent[] }).children = [list];
    });
  };
}

/** `maxHeadingLevel={4}` or `maxHeadingLevel="4"`. */
function levelAttribute(node: MdxJsxElement, name: string) {
  const attribute = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === name);
  if (!attribute || attribute.type !== "mdxJsxAttribute" || attribute.value == null)
    return undefined;
  const raw = typeof attribute.value === "string" ? attribute.value : attribute.value.value;
  const level = Number(raw.trim());
  return Number.isInteger(level) ? level : undefined;
}
