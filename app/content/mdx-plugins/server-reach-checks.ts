import {
  chainHasPrototype,
  chainRoot,
  chainText,
  importedNames,
  isBound,
  isNode,
  type AnyNode,
  type Scope,
} from "./estree-scope";
import {
  forbiddenGlobals,
  forbiddenImportReason,
  forbiddenProperties,
  isInternalsProperty,
  revealingProperties,
  runtimeScopeNames,
} from "./server-reach-rules";

/** One place where content code would reach the server, with its position in the file. */
export type ServerReach = { construct: string; message: string; line?: number; column?: number };

/** Where the walk is: the names bound around it, and whether `this` is a method's receiver there. */
export type WalkState = { scope: Scope; thisAllowed: boolean };

const mutatingMethods: Record<string, string[]> = {
  Object: ["assign", "defineProperty", "defineProperties", "setPrototypeOf"],
  Reflect: ["set", "defineProperty", "deleteProperty", "setPrototypeOf"],
};

/** The checks the walk in `server-reach.ts` runs at each node; each finding lands in `reaches`. */
export function createReachChecks({
  program,
  sharedNames,
}: {
  program: unknown;
  sharedNames: Set<string>;
}) {
  const reaches: ServerReach[] = [];
  const found = (node: AnyNode, construct: string, message: string) =>
    reaches.push({
      construct,
      message,
      line: node.loc?.start.line,
      column: node.loc ? node.loc.start.column + 1 : undefined,
    });
  const checkName = (node: AnyNode, name: string, state: WalkState) => {
    if (forbiddenGlobals.has(name) && !isBound(state.scope, name))
      found(node, name, `Uses \`${name}\`, which reaches the server`);
  };
  /** `object` is what the property is read from, when the walk knows it. */
  const checkProperty = (node: AnyNode, name: string, object?: AnyNode, state?: WalkState) => {
    // Content's own data may have a `stack` field; an Error made or thrown on the server may not.
    const root = object ? chainRoot(object) : null;
    const ownData = root !== null && state !== undefined && isBound(state.scope, String(root.name));
    if (revealingProperties.has(name) && object && !ownData)
      found(node, name, `Reads \`.${name}\`, which shows the server's files and code`);
    if (isInternalsProperty(name))
      found(node, name, `Reads React's \`.${name}\`, shared by every page the server renders`);
    if (forbiddenProperties.has(name))
      found(node, name, `Reads \`.${name}\`, a path from any value to the Function constructor`);
  };
  const checkString = (node: AnyNode, value: string | null) => {
    if (value !== null && forbiddenProperties.has(value))
      found(node, value, `Names "${value}", a path from any value to the Function constructor`);
  };
  const checkThis = (node: AnyNode, state: WalkState) => {
    if (!state.thisAllowed)
      found(node, "this", "Uses `this` outside a method, where it is the server's global object");
  };
  const checkImport = (declaration: AnyNode) => {
    const source = isNode(declaration.source) ? declaration.source : null;
    const reason = source ? forbiddenImportReason(String(source.value)) : null;
    if (source && reason) found(declaration, String(source.value), reason);
  };
  // Built-ins and imported modules live as long as the server: changing one changes every request.
  // The set of shared names grows with locals that hold a shared object (`const c = crypto`).
  const shared = sharedNames;
  importedNames(program).forEach((name) => shared.add(name));
  // Browser-only globals (`document`, `window`) do not exist on the server, so changing them is fine.
  const isSharedRoot = (name: string, state: WalkState) =>
    shared.has(name) ||
    (!isBound(state.scope, name) && (name in globalThis || runtimeScopeNames.has(name)));
  const holdsShared = (init: unknown, state: WalkState) => {
    const root = chainRoot(init);
    return root !== null && isSharedRoot(String(root.name), state);
  };
  const checkMutation = (target: unknown, state: WalkState, wholeValue = false) => {
    if (!isNode(target)) return;
    const isChain = target.type === "MemberExpression" || target.type === "ChainExpression";
    if (!isChain && !(wholeValue && target.type === "Identifier")) return;
    const root = isChain ? chainRoot(target) : target;
    const rootName = root ? String(root.name) : "";
    // A forbidden global is reported as such; one error for one place is enough.
    if (forbiddenGlobals.has(rootName) && !isBound(state.scope, rootName)) return;
    const isShared = root !== null && isSharedRoot(rootName, state);
    if (isShared || chainHasPrototype(target)) {
      const text = chainText(target);
      found(target, text, `Changes \`${text}\`, which every request to the server shares`);
    }
  };
  const mutatesFirstArgument = (callee: unknown, state: WalkState) => {
    if (!isNode(callee) || callee.type !== "MemberExpression" || callee.computed) return false;
    const object = callee.object as AnyNode;
    const method = String((callee.property as AnyNode).name);
    if (object.type !== "Identifier" || isBound(state.scope, String(object.name))) return false;
    return (mutatingMethods[String(object.name)] ?? []).includes(method);
  };
  return {
    reaches,
    found,
    checkName,
    checkProperty,
    checkString,
    checkThis,
    checkImport,
    checkMutation,
    holdsShared,
    shared,
    mutatesFirstArgument,
  };
}
