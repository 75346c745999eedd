import type { ImportDeclaration, Program } from "estree-jsx";
import type { Literal, RootContent } from "mdast";
import type {
  MdxJsxAttribute,
  MdxJsxExpressionAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
} from "mdast-util-mdx-jsx";
import type { Node } from "unist";

export type MdxJsxElement = MdxJsxFlowElement | MdxJsxTextElement;
export type MdxjsEsm = Literal & { type: "mdxjsEsm"; data?: { estree?: Program | null } };
export type MdxExpression = Literal & {
  type: "mdxFlowExpression" | "mdxTextExpression";
  data?: { estree?: Program | null };
};

/** The file a unified plugin is running on; only the parts these plugins read. */
export type PluginFile = { path: string; value: unknown };

export function isJsxElement(node: Node): node is MdxJsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

export function isEsm(node: Node): node is MdxjsEsm {
  return node.type === "mdxjsEsm";
}

export function isExpression(node: Node): node is MdxExpression {
  return node.type === "mdxFlowExpression" || node.type === "mdxTextExpression";
}

export function isParent(node: Node): node is Node & { children: Node[] } {
  return "children" in node && Array.isArray(node.children);
}

/** The top-level ESM blocks (imports and exports) of a document. */
export function esmNodesOf(tree: { children: Node[] }): MdxjsEsm[] {
  const result: MdxjsEsm[] = [];
  for (const child of tree.children) if (isEsm(child)) result.push(child);
  return result;
}

export function lineOf(node: Node) {
  return node.position?.start.line;
}

/** A JSX attribute's value when it is a plain string (`a="x"`), `true` for a bare name (`correct`). */
export function readAttribute(element: MdxJsxElement, name: string): string | boolean | undefined {
  const attribute = element.attributes.find(
    (a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name,
  );
  if (!attribute) return undefined;
  if (attribute.value === null || attribute.value === undefined) return true;
  if (typeof attribute.value === "string") return attribute.value;
  const expression = attribute.value.value.trim();
  if (expression === "true") return true;
  if (expression === "false") return false;
  const quoted = /^(["'`])(.*)\1$/s.exec(expression);
  return quoted ? quoted[2] : undefined;
}

export function stringAttribute(name: string, value: string): MdxJsxAttribute {
  return { type: "mdxJsxAttribute", name, value };
}

/** An attribute whose value is a JS literal (`multiple={true}`), with the estree MDX compiles from. */
export function literalAttribute(name: string, value: boolean | number): MdxJsxAttribute {
  const raw = String(value);
  const estree: Program = {
    type: "Program",
    sourceType: "module",
    body: [{ type: "ExpressionStatement", expression: { type: "Literal", value, raw } }],
  };
  return {
    type: "mdxJsxAttribute",
    name,
    value: { type: "mdxJsxAttributeValueExpression", value: raw, data: { estree } },
  };
}

export function jsxElement({
  name,
  attributes,
  children,
  inline,
  position,
}: {
  name: string;
  attributes: (MdxJsxAttribute | MdxJsxExpressionAttribute)[];
  children: RootContent[];
  inline: boolean;
  position?: Node["position"];
}): MdxJsxElement {
  if (inline) {
    return {
      type: "mdxJsxTextElement",
      name,
      attributes,
      children: children.filter(isPhrasing),
      position,
    };
  }
  return {
    type: "mdxJsxFlowElement",
    name,
    attributes,
    children: children.filter(isFlowChild),
    position,
  };
}

function isPhrasing(node: RootContent): node is MdxJsxTextElement["children"][number] {
  return ![
    "paragraph",
    "heading",
    "list",
    "listItem",
    "blockquote",
    "code",
    "table",
    "thematicBreak",
    "mdxJsxFlowElement",
    "mdxFlowExpression",
    "containerDirective",
    "leafDirective",
    "mdxjsEsm",
    "html",
    "definition",
    "yaml",
  ].includes(node.type);
}

function isFlowChild(node: RootContent): node is MdxJsxFlowElement["children"][number] {
  const type: string = node.type;
  return type !== "mdxjsEsm" && type !== "yaml";
}

export function esmNode(declarations: ImportDeclaration[]): MdxjsEsm {
  return {
    type: "mdxjsEsm",
    value: "",
    data: { estree: { type: "Program", sourceType: "module", body: declarations } },
  };
}

export function importDeclaration({
  source,
  specifiers,
}: {
  source: string;
  specifiers: ImportDeclaration["specifiers"];
}): ImportDeclaration {
  return {
    type: "ImportDeclaration",
    specifiers,
    source: { type: "Literal", value: source, raw: JSON.stringify(source) },
    attributes: [],
  };
}

export function namedImport(
  imported: string,
  local = imported,
): ImportDeclaration["specifiers"][number] {
  return {
    type: "ImportSpecifier",
    imported: { type: "Identifier", name: imported },
    local: { type: "Identifier", name: local },
  };
}

/** `components={props.components}`: hands the page's component map down to an imported MDX file. */
export function forwardComponentsAttribute(): MdxJsxAttribute {
  const estree: Program = {
    type: "Program",
    sourceType: "module",
    body: [
      {
        type: "ExpressionStatement",
        expression: {
          type: "MemberExpression",
          object: { type: "Identifier", name: "props" },
          property: { type: "Identifier", name: "components" },
          computed: false,
          optional: false,
        },
      },
    ],
  };
  return {
    type: "mdxJsxAttribute",
    name: "components",
    value: { type: "mdxJsxAttributeValueExpression", value: "props.components", data: { estree } },
  };
}
