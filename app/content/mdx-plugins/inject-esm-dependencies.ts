import type { ImportDeclaration } from "estree-jsx";
import type { Root, RootContent } from "mdast";
import { collectReferences } from "./estree-names";
import { componentsModule, reactApis } from "./framework-imports";
import { stubImport, type ImportScope } from "./import-scope";
import {
  esmNode,
  esmNodesOf,
  importDeclaration,
  lineOf,
  namedImport,
  type MdxjsEsm,
} from "./mdx-nodes";

/**
 * Code in `export const X = () => …` runs outside MDX's component lookup, so the names it uses must be
 * real bindings: React hooks come from React (Mintlify injects them), map components from the map, and
 * anything else from a stub. Returns the names it bound.
 */
export function injectEsmDependencies({
  scope,
  tree,
  declared,
}: {
  scope: ImportScope;
  tree: Root;
  declared: Set<string>;
}) {
  const reactNames = new Set<string>();
  const componentNames = new Set<string>();
  const unknownNames = new Set<string>();
  for (const esm of esmNodesOf(tree)) {
    for (const statement of esm.data?.estree?.body ?? []) {
      if (statement.type === "ImportDeclaration") continue;
      const { identifiers, jsxNames } = collectReferences(statement);
      for (const name of [...identifiers, ...jsxNames]) {
        if (reactApis.includes(name) && !declared.has(name)) reactNames.add(name);
      }
      for (const name of jsxNames) {
        if (!/^[A-Z]/.test(name) || declared.has(name) || reactNames.has(name)) continue;
        if (scope.isKnownComponent(name)) {
          componentNames.add(name);
        } else if (!unknownNames.has(name)) {
          unknownNames.add(name);
          scope.warn(
            `Unsupported component <${name}> used in exported code; shown as a placeholder`,
            statement.loc?.start.line ?? lineOf(esm),
          );
        }
      }
    }
  }
  const declarations: ImportDeclaration[] = [];
  if (reactNames.size) {
    declarations.push(
      importDeclaration({
        source: "react",
        specifiers: [...reactNames].map((n) => namedImport(n)),
      }),
    );
  }
  if (componentNames.size) {
    const specifiers = [...componentNames].map((n) => namedImport(n));
    declarations.push(importDeclaration({ source: componentsModule, specifiers }));
  }
  if (unknownNames.size) {
    const specifiers = [...unknownNames].map((n) => namedImport(n));
    declarations.push(stubImport(scope, { source: "unknown-components", specifiers }));
  }
  if (declarations.length)
    tree.children.unshift(esmNode(declarations) satisfies MdxjsEsm as RootContent);
  return [...reactNames, ...componentNames, ...unknownNames];
}
