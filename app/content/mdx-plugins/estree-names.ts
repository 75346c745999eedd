import type { Node as EstreeNode } from "estree-jsx";

type AnyNode = { type: string; [key: string]: unknown };

const skippedKeys = new Set([
  "loc",
  "range",
  "position",
  "start",
  "end",
  "comments",
  "data",
  "parent",
]);

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as AnyNode).type === "string";
}

function children(node: AnyNode) {
  const result: AnyNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (skippedKeys.has(key)) continue;
    if (Array.isArray(value)) result.push(...value.filter(isNode));
    else if (isNode(value)) result.push(value);
  }
  return result;
}

/** Every name bound anywhere in the tree (declarations, params, imports), ignoring scope on purpose: over-counting is safe here. */
export function collectBindingNames(root: EstreeNode | AnyNode) {
  const names = new Set<string>();
  function addPattern(pattern: unknown) {
    if (!isNode(pattern)) return;
    if (pattern.type === "Identifier") names.add(String(pattern.name));
    else if (pattern.type === "ObjectPattern")
      for (const property of pattern.properties as AnyNode[])
        addPattern(property.type === "RestElement" ? property.argument : property.value);
    else if (pattern.type === "ArrayPattern")
      for (const element of pattern.elements as unknown[]) addPattern(element);
    else if (pattern.type === "RestElement") addPattern(pattern.argument);
    else if (pattern.type === "AssignmentPattern") addPattern(pattern.left);
  }
  function visit(node: AnyNode) {
    switch (node.type) {
      case "VariableDeclarator":
        addPattern(node.id);
        break;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        addPattern(node.id);
        for (const param of node.params as unknown[]) addPattern(param);
        break;
      case "ClassDeclaration":
      case "ClassExpression":
        addPattern(node.id);
        break;
      case "ImportSpecifier":
      case "ImportDefaultSpecifier":
      case "ImportNamespaceSpecifier":
        addPattern(node.local);
        break;
      case "CatchClause":
        addPattern(node.param);
        break;
    }
    children(node).forEach(visit);
  }
  visit(root as AnyNode);
  return names;
}

/** Identifiers read by the code, and the root names of JSX elements it renders (`Tree` for `<Tree.File>`). */
export function collectReferences(root: EstreeNode | AnyNode) {
  const identifiers = new Set<string>();
  const jsxNames = new Set<string>();
  function visit(node: AnyNode) {
    switch (node.type) {
      case "Identifier":
        identifiers.add(String(node.name));
        return;
      case "MemberExpression":
      case "OptionalMemberExpression":
        visit(node.object as AnyNode);
        if (node.computed) visit(node.property as AnyNode);
        return;
      case "Property":
      case "PropertyDefinition":
      case "MethodDefinition":
        if (node.computed) visit(node.key as AnyNode);
        if (isNode(node.value)) visit(node.value);
        return;
      case "LabeledStatement":
        visit(node.body as AnyNode);
        return;
      case "BreakStatement":
      case "ContinueStatement":
        return;
      case "JSXAttribute":
        if (isNode(node.value)) visit(node.value);
        return;
      case "JSXOpeningElement": {
        const name = jsxRootName(node.name as AnyNode);
        if (name) jsxNames.add(name);
        for (const attribute of node.attributes as AnyNode[]) visit(attribute);
        return;
      }
      case "JSXClosingElement":
        return;
    }
    children(node).forEach(visit);
  }
  visit(root as AnyNode);
  return { identifiers, jsxNames };
}

function jsxRootName(name: AnyNode): string | null {
  if (name.type === "JSXIdentifier") return String(name.name);
  if (name.type === "JSXMemberExpression") return jsxRootName(name.object as AnyNode);
  return null;
}

const browserGlobals = [
  "window",
  "document",
  "navigator",
  "location",
  "localStorage",
  "sessionStorage",
  "alert",
];

/** True for names the JS runtime provides, so content may use them without declaring them. */
export function isGlobalName(name: string) {
  return (
    name in globalThis || browserGlobals.includes(name) || name === "props" || name === "undefined"
  );
}

export function isIntrinsicElementName(name: string) {
  return /^[a-z]/.test(name) && !name.includes(".");
}
