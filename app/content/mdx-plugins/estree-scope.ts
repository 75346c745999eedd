/** Scope and constant helpers for walking ESTree code the way the engine would bind names. */
export type AnyNode = {
  type: string;
  loc?: { start: { line: number; column: number } } | null;
  [key: string]: unknown;
};

export type Scope = { names: Set<string>; parent: Scope | null };

const skippedKeys = new Set(["loc", "range", "position", "start", "end", "comments", "data"]);

export function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as AnyNode).type === "string";
}

export function nodes(value: unknown): AnyNode[] {
  return Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [];
}

export function childNodes(node: AnyNode) {
  return Object.entries(node).flatMap(([key, value]) => (skippedKeys.has(key) ? [] : nodes(value)));
}

export function patternNames(pattern: unknown, into: Set<string>) {
  if (!isNode(pattern)) return;
  if (pattern.type === "Identifier") into.add(String(pattern.name));
  else if (pattern.type === "ObjectPattern")
    for (const property of nodes(pattern.properties))
      patternNames(property.type === "RestElement" ? property.argument : property.value, into);
  else if (pattern.type === "ArrayPattern")
    nodes(pattern.elements).forEach((e) => patternNames(e, into));
  else if (pattern.type === "RestElement") patternNames(pattern.argument, into);
  else if (pattern.type === "AssignmentPattern") patternNames(pattern.left, into);
}

/** Names a list of statements declares for its block: let/const/class/function and imports. */
export function blockDeclarations(statements: AnyNode[], into = new Set<string>()) {
  for (const statement of statements) {
    const declaration =
      statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration"
        ? nodes(statement.declaration)[0]
        : statement;
    if (!declaration) continue;
    if (declaration.type === "VariableDeclaration" && declaration.kind !== "var")
      for (const declarator of nodes(declaration.declarations)) patternNames(declarator.id, into);
    else if (declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration")
      patternNames(declaration.id, into);
    else if (declaration.type === "ImportDeclaration")
      for (const specifier of nodes(declaration.specifiers)) patternNames(specifier.local, into);
  }
  return into;
}

/** `var` names hoisted to the enclosing function, not crossing into nested functions. */
export function hoistedVars(node: AnyNode, into: Set<string>) {
  if (/Function|Class/.test(node.type)) return into;
  if (node.type === "VariableDeclaration" && node.kind === "var")
    for (const declarator of nodes(node.declarations)) patternNames(declarator.id, into);
  for (const child of childNodes(node)) hoistedVars(child, into);
  return into;
}

/** Every name a program declares at its top level, which MDX content expressions can see. */
export function topLevelNames(program: unknown) {
  if (!isNode(program)) return new Set<string>();
  return hoistedVars(program, blockDeclarations(nodes(program.body)));
}

export function isBound(scope: Scope | null, name: string): boolean {
  return scope !== null && (scope.names.has(name) || isBound(scope.parent, name));
}

/** A string that a literal, a template or a `+` of them always evaluates to, or null. */
export function constantString(node: unknown): string | null {
  if (!isNode(node)) return null;
  if (node.type === "Literal")
    return typeof node.value === "string" || typeof node.value === "number"
      ? String(node.value)
      : null;
  if (node.type === "TemplateLiteral") {
    const quasis = nodes(node.quasis).map((q) => (q.value as { cooked?: string }).cooked ?? "");
    const parts = nodes(node.expressions).map(constantString);
    if (parts.some((part) => part === null)) return null;
    return quasis.map((quasi, index) => quasi + (parts[index] ?? "")).join("");
  }
  if (node.type === "BinaryExpression" && node.operator === "+") {
    const left = constantString(node.left);
    const right = constantString(node.right);
    return left === null || right === null ? null : left + right;
  }
  return null;
}

/** Names a program binds with `import`: modules shared by every page the server renders. */
export function importedNames(program: unknown) {
  const names = new Set<string>();
  if (!isNode(program)) return names;
  for (const statement of nodes(program.body))
    if (statement.type === "ImportDeclaration")
      for (const specifier of nodes(statement.specifiers)) patternNames(specifier.local, names);
  return names;
}

/** The identifier a member chain starts from (`crypto` in `crypto.subtle.x`), or null. */
export function chainRoot(node: unknown): AnyNode | null {
  let current = isNode(node) ? node : null;
  while (current && (current.type === "MemberExpression" || current.type === "ChainExpression"))
    current = nodes(current.type === "ChainExpression" ? current.expression : current.object)[0];
  return current?.type === "Identifier" ? current : null;
}

/** `crypto.getRandomValues`, `Array.prototype[…]`: a member chain as an author would name it. */
export function chainText(node: AnyNode): string {
  if (node.type === "ChainExpression") return chainText(node.expression as AnyNode);
  if (node.type !== "MemberExpression") return node.type === "Identifier" ? String(node.name) : "…";
  const property = node.property as AnyNode;
  const key = node.computed ? `[${constantString(property) ?? "…"}]` : `.${String(property.name)}`;
  return `${chainText(node.object as AnyNode)}${key}`;
}

export function chainHasPrototype(node: unknown): boolean {
  if (!isNode(node)) return false;
  if (node.type === "ChainExpression") return chainHasPrototype(node.expression);
  if (node.type !== "MemberExpression") return false;
  const property = node.property as AnyNode;
  const key = node.computed ? constantString(property) : String(property.name);
  return key === "prototype" || chainHasPrototype(node.object);
}
