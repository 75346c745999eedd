import type { Program } from "estree-jsx";
import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { reportServerReaches, type CodeGuard } from "./code-guard";
import { esmNodesOf, isEsm, isExpression, isJsxElement, type PluginFile } from "./mdx-nodes";
import { importedNames, topLevelNames } from "./estree-scope";
import { findServerReaches } from "./server-reach";

/**
 * Checks every piece of code an author wrote in a file (ESM blocks, `{expressions}`, attribute values and
 * spreads) before any other plugin rewrites it. Code blocks and inline code are text, so they are not checked.
 */
export function remarkCodeGuard(guard: CodeGuard) {
  return (tree: Root, file: PluginFile) => {
    const moduleNames = new Set<string>();
    const sharedNames = new Set<string>();
    for (const esm of esmNodesOf(tree)) {
      topLevelNames(esm.data?.estree).forEach((name) => moduleNames.add(name));
      importedNames(esm.data?.estree).forEach((name) => sharedNames.add(name));
    }

    const esmPrograms: Program[] = [];
    const programs: Program[] = [];
    visit(tree, (node: Node) => {
      if (isEsm(node)) {
        if (node.data?.estree) esmPrograms.push(node.data.estree);
      } else if (isExpression(node)) {
        if (node.data?.estree) programs.push(node.data.estree);
      } else if (isJsxElement(node)) {
        for (const attribute of node.attributes) {
          const estree =
            attribute.type === "mdxJsxExpressionAttribute"
              ? attribute.data?.estree
              : typeof attribute.value === "object"
                ? attribute.value?.data?.estree
                : null;
          if (estree) programs.push(estree);
        }
      }
    });
    // ESM first, so aliases it declares (`export const c = crypto`) are known to every expression.
    for (const program of [...esmPrograms, ...programs]) {
      reportServerReaches({
        guard,
        file: file.path,
        reaches: findServerReaches({ program, moduleNames, sharedNames }),
      });
    }
  };
}
