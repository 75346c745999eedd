import {
  blockDeclarations,
  childNodes,
  constantString,
  hoistedVars,
  isNode,
  nodes,
  patternNames,
  type AnyNode,
} from "./estree-scope";
import {
  createReachChecks,
  type ServerReach,
  type WalkState as State,
} from "./server-reach-checks";

export type { ServerReach };

/**
 * Finds the places where code reaches the server: free references to its globals, `this` outside a
 * method, walks to the Function constructor, dynamic `import()`, `import.meta`, imports of Node
 * built-ins, and changes to objects every request shares. Local bindings shadow globals, so a
 * parameter named `process` is fine.
 */
export function findServerReaches({
  program,
  moduleNames = new Set<string>(),
  sharedNames = new Set<string>(),
}: {
  program: unknown;
  /** Names bound elsewhere in the same module (MDX: the exports and imports of other ESM blocks). */
  moduleNames?: Set<string>;
  /**
   * Imported names and locals holding shared objects: every page shares them, so content must not change
   * them. The set grows with the aliases this program declares, for the programs checked after it.
   */
  sharedNames?: Set<string>;
}): ServerReach[] {
  const {
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
  } = createReachChecks({ program, sharedNames });
  const child = (state: State, names: Set<string>, thisAllowed = state.thisAllowed): State => ({
    scope: { names, parent: state.scope },
    thisAllowed,
  });

  function visitPattern(pattern: unknown, state: State, targetsAreReferences: boolean) {
    if (!isNode(pattern)) return;
    switch (pattern.type) {
      case "Identifier":
        if (targetsAreReferences) {
          checkName(pattern, String(pattern.name), state);
          checkMutation(pattern, state, true);
        }
        return;
      case "ObjectPattern":
        for (const property of nodes(pattern.properties)) {
          if (property.type === "RestElement") {
            visitPattern(property.argument, state, targetsAreReferences);
            continue;
          }
          const key = nodes(property.key)[0];
          const name = property.computed
            ? constantString(key)
            : key?.type === "Identifier"
              ? String(key.name)
              : constantString(key);
          if (name !== null && key) checkProperty(key, name);
          else if (key) visit(key, state);
          visitPattern(property.value, state, targetsAreReferences);
        }
        return;
      case "ArrayPattern":
        nodes(pattern.elements).forEach((e) => visitPattern(e, state, targetsAreReferences));
        return;
      case "RestElement":
        visitPattern(pattern.argument, state, targetsAreReferences);
        return;
      case "AssignmentPattern":
        visitPattern(pattern.left, state, targetsAreReferences);
        visit(pattern.right, state);
        return;
      default:
        if (targetsAreReferences) checkMutation(pattern, state);
        visit(pattern, state);
    }
  }

  function visitFunction(fn: AnyNode, state: State, isMethod: boolean) {
    const arrow = fn.type === "ArrowFunctionExpression";
    const names = new Set<string>();
    for (const param of nodes(fn.params)) patternNames(param, names);
    if (fn.type === "FunctionExpression") patternNames(fn.id, names);
    if (!arrow) names.add("arguments");
    const body = nodes(fn.body)[0];
    if (body?.type === "BlockStatement") {
      blockDeclarations(nodes(body.body), names);
      hoistedVars(body, names);
    }
    const inner = child(state, names, arrow ? state.thisAllowed : isMethod);
    for (const param of nodes(fn.params)) visitPattern(param, inner, false);
    if (body?.type === "BlockStatement") nodes(body.body).forEach((s) => visit(s, inner));
    else if (body) visit(body, inner);
  }

  function visitClass(node: AnyNode, state: State) {
    if (node.superClass) visit(node.superClass, state);
    const names = new Set<string>();
    if (node.type === "ClassExpression") patternNames(node.id, names);
    const inner = child(state, names, true);
    for (const member of nodes((node.body as AnyNode).body)) {
      if (member.computed) visit(member.key, inner);
      if (member.type === "MethodDefinition") visitFunction(member.value as AnyNode, inner, true);
      else if (member.type === "StaticBlock")
        visit({ type: "BlockStatement", body: member.body }, inner);
      else if (member.value) visit(member.value, inner);
    }
  }

  function visitJsxName(name: AnyNode, state: State, isRoot: boolean) {
    if (name.type === "JSXIdentifier") {
      const value = String(name.name);
      if (value === "this") checkThis(name, state);
      else if (!isRoot || !/^[a-z]/.test(value)) checkName(name, value, state);
    } else if (name.type === "JSXMemberExpression") {
      visitJsxName(name.object as AnyNode, state, false);
      checkProperty(name.property as AnyNode, String((name.property as AnyNode).name));
    }
  }

  function visit(value: unknown, state: State): void {
    if (!isNode(value)) return;
    const node = value;
    switch (node.type) {
      case "Identifier":
        return checkName(node, String(node.name), state);
      case "ThisExpression":
        return checkThis(node, state);
      case "MetaProperty":
        if ((node.meta as AnyNode).name === "import")
          found(node, "import.meta", "Uses `import.meta`, which exposes the server's module");
        return;
      case "ImportExpression":
        found(node, "import()", "Uses dynamic `import()`, which loads server modules");
        return visit(node.source, state);
      case "MemberExpression": {
        visit(node.object, state);
        const property = node.property as AnyNode;
        if (!node.computed) {
          if (property.type === "Identifier")
            checkProperty(property, String(property.name), node.object as AnyNode, state);
          return;
        }
        const key = constantString(property);
        if (key === null) return visit(property, state);
        return checkProperty(property, key, node.object as AnyNode, state);
      }
      case "ObjectExpression":
        for (const property of nodes(node.properties)) {
          if (property.type !== "Property") {
            visit(property, state);
            continue;
          }
          if (property.computed) visit(property.key, state);
          const propertyValue = property.value as AnyNode;
          if (propertyValue.type === "FunctionExpression")
            visitFunction(propertyValue, state, true);
          else visit(propertyValue, state);
        }
        return;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        return visitFunction(node, state, false);
      case "ClassDeclaration":
      case "ClassExpression":
        return visitClass(node, state);
      case "Program":
      case "BlockStatement":
      case "StaticBlock": {
        const body = nodes(node.body);
        const names = blockDeclarations(body);
        if (node.type === "Program") {
          hoistedVars(node, names);
          moduleNames.forEach((name) => names.add(name));
        }
        const inner = child(state, names);
        return body.forEach((statement) => visit(statement, inner));
      }
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement": {
        const head = nodes(node.init ?? node.left)[0];
        const names = new Set<string>();
        if (head?.type === "VariableDeclaration" && head.kind !== "var")
          for (const declarator of nodes(head.declarations)) patternNames(declarator.id, names);
        const inner = child(state, names);
        if (head && head.type !== "VariableDeclaration" && node.type !== "ForStatement")
          visitPattern(head, inner, true);
        else visit(head, inner);
        for (const key of ["test", "update", "right", "body"]) visit(node[key], inner);
        return;
      }
      case "VariableDeclaration":
        for (const declarator of nodes(node.declarations)) {
          if (holdsShared(declarator.init, state)) patternNames(declarator.id, shared);
          visitPattern(declarator.id, state, false);
          visit(declarator.init, state);
        }
        return;
      case "CatchClause": {
        const names = new Set<string>();
        patternNames(node.param, names);
        const inner = child(state, names);
        visitPattern(node.param, inner, false);
        return visit(node.body, inner);
      }
      case "SwitchStatement": {
        visit(node.discriminant, state);
        const cases = nodes(node.cases);
        const inner = child(state, blockDeclarations(cases.flatMap((c) => nodes(c.consequent))));
        return cases.forEach((c) => childNodes(c).forEach((n) => visit(n, inner)));
      }
      case "AssignmentExpression":
        visitPattern(node.left, state, true);
        return visit(node.right, state);
      case "UpdateExpression":
        checkMutation(node.argument, state);
        return visit(node.argument, state);
      case "UnaryExpression":
        if (node.operator === "delete") checkMutation(node.argument, state);
        return visit(node.argument, state);
      case "CallExpression":
      case "NewExpression":
        if (mutatesFirstArgument(node.callee, state))
          checkMutation(nodes(node.arguments)[0], state, true);
        return childNodes(node).forEach((n) => visit(n, state));
      case "LabeledStatement":
        return visit(node.body, state);
      case "BreakStatement":
      case "ContinueStatement":
        return;
      case "ImportDeclaration":
      case "ExportAllDeclaration":
        return checkImport(node);
      case "ExportNamedDeclaration":
        if (node.source) return checkImport(node);
        visit(node.declaration, state);
        for (const specifier of nodes(node.specifiers)) visit(specifier.local, state);
        return;
      case "Literal":
        return typeof node.value === "string" ? checkString(node, node.value) : undefined;
      case "TemplateLiteral":
      case "BinaryExpression": {
        const folded = constantString(node);
        if (folded !== null) return checkString(node, folded);
        return childNodes(node).forEach((n) => visit(n, state));
      }
      case "JSXElement": {
        const opening = node.openingElement as AnyNode;
        visitJsxName(opening.name as AnyNode, state, true);
        for (const attribute of nodes(opening.attributes)) {
          if (attribute.type === "JSXSpreadAttribute") visit(attribute.argument, state);
          else if (isNode(attribute.value) && attribute.value.type !== "Literal")
            visit(attribute.value, state);
        }
        return nodes(node.children).forEach((n) => visit(n, state));
      }
      case "JSXText":
        return;
      default:
        return childNodes(node).forEach((n) => visit(n, state));
    }
  }

  visit(program, { scope: { names: new Set(), parent: null }, thisAllowed: false });
  return reaches;
}
