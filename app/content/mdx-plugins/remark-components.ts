import type { Program } from "estree-jsx";
import type { Root, RootContent } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import type { CompileContext } from "../compile-context";
import {
  collectBindingNames,
  collectReferences,
  isGlobalName,
  isIntrinsicElementName,
} from "./estree-names";
import { createImportScope, type ImportScope } from "./import-scope";
import { injectEsmDependencies } from "./inject-esm-dependencies";
import {
  esmNodesOf,
  forwardComponentsAttribute,
  isEsm,
  isExpression,
  isJsxElement,
  isParent,
  jsxElement,
  lineOf,
  literalAttribute,
  stringAttribute,
  type MdxJsxElement,
} from "./mdx-nodes";
import { rewriteImport } from "./rewrite-import";
import type { PluginFile } from "./mdx-nodes";

/**
 * Makes every component and import in a file resolvable, so any docs folder renders: framework imports
 * give way to the component map, React hooks are imported where Mintlify would inject them, and whatever
 * cannot be resolved (unknown components, imports from outside the product, packages, loader syntax)
 * becomes a labelled <Placeholder> with a warning naming the line.
 */
export function remarkComponents({
  context,
  isKnownComponent,
}: {
  context: CompileContext;
  isKnownComponent: (name: string) => boolean;
}) {
  return (tree: Root, file: PluginFile) => {
    const scope = createImportScope({ context, filePath: file.path, isKnownComponent });

    for (const esm of esmNodesOf(tree)) {
      const program = esm.data?.estree;
      if (!program) continue;
      program.body = program.body.flatMap((statement): Program["body"] =>
        statement.type === "ImportDeclaration"
          ? rewriteImport({
              scope,
              declaration: statement,
              line: statement.loc?.start.line ?? lineOf(esm),
            })
          : [statement],
      );
    }
    const emptied = new Set<Node>(
      esmNodesOf(tree).filter((esm) => esm.data?.estree?.body.length === 0),
    );
    tree.children = tree.children.filter((node) => !emptied.has(node));

    const declared = new Set<string>();
    for (const esm of esmNodesOf(tree)) {
      if (esm.data?.estree)
        collectBindingNames(esm.data.estree).forEach((name) => declared.add(name));
    }
    injectEsmDependencies({ scope, tree, declared }).forEach((name) => declared.add(name));
    replaceUnavailable({ tree, scope, declared });
  };
}

/** Walks the document body: unknown components and expressions using unavailable names become placeholders. */
function replaceUnavailable({
  tree,
  scope,
  declared,
}: {
  tree: Root;
  scope: ImportScope;
  declared: Set<string>;
}) {
  const { unresolved, isKnownComponent, warn } = scope;
  const isAvailableComponent = (name: string) => {
    const root = name.split(".")[0];
    if (unresolved.has(root)) return false;
    return isIntrinsicElementName(name) || declared.has(root) || isKnownComponent(name);
  };
  const unavailableIn = (program: Program | null | undefined) => {
    if (!program) return [];
    const { identifiers, jsxNames } = collectReferences(program);
    const bound = collectBindingNames(program);
    const missingIdentifiers = [...identifiers].filter(
      (name) =>
        !bound.has(name) && (unresolved.has(name) || (!declared.has(name) && !isGlobalName(name))),
    );
    const missingComponents = [...jsxNames].filter(
      (name) => !bound.has(name) && !isAvailableComponent(name),
    );
    return [...missingIdentifiers, ...missingComponents];
  };

  visit(tree as Node, (node: Node, index: number | undefined, parent: Node | undefined) => {
    if (isEsm(node)) return "skip";
    if (!parent || index === undefined || !isParent(parent)) return;
    const line = lineOf(node);
    if (isJsxElement(node) && node.name) {
      if (!isAvailableComponent(node.name)) {
        const fromImport = unresolved.has(node.name.split(".")[0]);
        warn(
          fromImport
            ? `<${node.name}> comes from an import that cannot be resolved; shown as a placeholder`
            : `Unsupported component <${node.name}> shown as a placeholder`,
          line,
        );
        parent.children[index] = placeholder({
          label: node.name,
          inline: node.type === "mdxJsxTextElement",
          children: node.children,
          position: node.position,
        });
        // Visit the placeholder too: what it wraps may need the same treatment.
        return index;
      }
      const forwardsComponents = node.attributes.some(
        (a) => a.type === "mdxJsxAttribute" && a.name === "components",
      );
      if (scope.mdxContentBindings.has(node.name) && !forwardsComponents)
        node.attributes.push(forwardComponentsAttribute());
      node.attributes = node.attributes.filter((attribute) => {
        const missing = unavailableIn(attributeProgram(attribute));
        if (!missing.length) return true;
        const name = attribute.type === "mdxJsxAttribute" ? attribute.name : "{…}";
        warn(
          `Attribute ${name} of <${node.name}> uses ${missing.join(", ")}, which is not available; attribute dropped`,
          attribute.position?.start.line ?? line,
        );
        return false;
      });
      return;
    }
    if (isExpression(node)) {
      const missing = unavailableIn(node.data?.estree);
      if (!missing.length) return;
      const label = `{${node.value.trim().replace(/\s+/g, " ").slice(0, 60)}}`;
      warn(
        `Expression ${label} uses ${missing.join(", ")}, which is not available; shown as a placeholder`,
        line,
      );
      parent.children[index] = placeholder({
        label,
        inline: node.type === "mdxTextExpression",
        children: [],
        position: node.position,
      });
      return "skip";
    }
  });
}

function attributeProgram(attribute: MdxJsxElement["attributes"][number]) {
  if (attribute.type === "mdxJsxExpressionAttribute") return attribute.data?.estree;
  return typeof attribute.value === "object" && attribute.value
    ? attribute.value.data?.estree
    : null;
}

function placeholder({
  label,
  inline,
  children,
  position,
}: {
  label: string;
  inline: boolean;
  children: RootContent[];
  position: Node["position"];
}) {
  return jsxElement({
    name: "Placeholder",
    attributes: [
      stringAttribute("name", label),
      ...(inline ? [literalAttribute("inline", true)] : []),
    ],
    children,
    inline,
    position,
  });
}
