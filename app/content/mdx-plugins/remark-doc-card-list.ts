import path from "node:path";
import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { realPath, type CompileContext } from "../compile-context";
import { docCategoryItems } from "../doc-category.server";
import { isJsxElement, isParent, jsxElement, stringAttribute, type PluginFile } from "./mdx-nodes";

/**
 * Docusaurus fills `<DocCardList />` from the sidebar at build time; Firsthand fills it from the folder
 * at compile time, one card per page, each linking to the page (remark-local-urls makes that a module URL).
 */
export function remarkDocCardList(context: CompileContext) {
  return (tree: Root, file: PluginFile) => {
    const filePath = realPath(file.path);
    if (filePath !== context.modulePath) return;
    visit(tree as Node, (node: Node, index: number | undefined, parent: Node | undefined) => {
      if (!isJsxElement(node) || node.name !== "DocCardList") return;
      if (!parent || index === undefined || !isParent(parent)) return;
      const cards = docCategoryItems({ modulePath: filePath }).map((item) => {
        const href = path.relative(path.dirname(filePath), item.file).split(path.sep).join("/");
        return jsxElement({
          name: "Card",
          attributes: [
            stringAttribute("title", item.title),
            stringAttribute("href", href.startsWith(".") ? href : `./${href}`),
          ],
          children: item.description
            ? [{ type: "paragraph", children: [{ type: "text", value: item.description }] }]
            : [],
          inline: false,
          position: node.position,
        });
      });
      parent.children[index] = jsxElement({
        name: "DocCardList",
        attributes: [],
        children: cards,
        inline: node.type === "mdxJsxTextElement",
        position: node.position,
      });
      return "skip";
    });
  };
}
