import type { Root, RootContent } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { isJsxElement, isParent, jsxElement, literalAttribute } from "./mdx-nodes";

const isView = (node: Node) => isJsxElement(node) && node.name === "View";

/**
 * Mintlify switches neighbouring `<View>`s with one page-wide selector; Firsthand makes each run of two
 * or more views one set of tabs, labelled by the views' titles.
 */
export function remarkViewGroups() {
  return (tree: Root) => {
    visit(tree as Node, (node: Node) => {
      if (!isParent(node) || (isJsxElement(node) && node.name === "Tabs")) return;
      const children: Node[] = [];
      for (let index = 0; index < node.children.length;) {
        let end = index;
        while (end < node.children.length && isView(node.children[end])) end++;
        if (end - index < 2) {
          children.push(node.children[index]);
          index++;
          continue;
        }
        const views = node.children.slice(index, end);
        for (const view of views) {
          if (isJsxElement(view)) view.attributes.push(literalAttribute("grouped", true));
        }
        children.push(
          jsxElement({
            name: "Tabs",
            attributes: [],
            children: views as RootContent[],
            inline: false,
            position: views[0].position,
          }),
        );
        index = end;
      }
      node.children = children;
    });
  };
}
