import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { realPath, type CompileContext } from "../compile-context";
import type { PluginFile } from "./mdx-nodes";

/** Gives `## Title {#id}` headings their author-chosen id (rehype-slug leaves headings with an id alone). */
export function remarkHeadingIds(context: CompileContext) {
  return (tree: Root, file: PluginFile) => {
    const ids = context.headingIds.get(realPath(file.path));
    if (!ids?.size) return;
    visit(tree, "heading", (heading) => {
      const id = heading.position ? ids.get(heading.position.start.line) : undefined;
      if (!id) return;
      Object.assign(heading, { data: { ...heading.data, hProperties: { id } } });
    });
  };
}
