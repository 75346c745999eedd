import type { Blockquote, Paragraph, Root, RootContent, Text } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import { toString } from "mdast-util-to-string";
import type { Node } from "unist";
import { SKIP, visit } from "unist-util-visit";
import { report, type CompileContext } from "../compile-context";
import { isParent, jsxElement, lineOf, stringAttribute, type PluginFile } from "./mdx-nodes";

export const calloutTypes = [
  "note",
  "tip",
  "info",
  "warning",
  "danger",
  "caution",
  "important",
  "success",
  "check",
];

/**
 * `:::tip[Title]` (and Docusaurus's `:::tip Title`, rewritten earlier) becomes `<Callout type="tip" title="Title">`;
 * GitHub's `> [!NOTE]` too. Directives nobody handles (`:smile:`, `12:30:` in prose) go back to plain text.
 */
export function remarkAdmonitions(context: CompileContext) {
  return (tree: Root, file: PluginFile) => {
    const source = String(file.value);
    visit(tree as Node, (node: Node, index: number | undefined, parent: Node | undefined) => {
      if (!parent || index === undefined || !isParent(parent)) return;
      if (node.type === "containerDirective") {
        const directive = node as ContainerDirective;
        const name = directive.name.toLowerCase();
        const [first, ...rest] = directive.children;
        const hasLabel = first?.type === "paragraph" && first.data?.directiveLabel === true;
        const title = hasLabel ? toString(first) : (directive.attributes?.title ?? undefined);
        const children = hasLabel ? rest : directive.children;
        const known = calloutTypes.includes(name);
        if (!known) {
          report(context, {
            severity: "warning",
            file: file.path,
            line: lineOf(directive),
            message: `Unsupported admonition ":::${directive.name}" is shown as a placeholder`,
          });
        }
        const attributes = known
          ? [stringAttribute("type", name), ...(title ? [stringAttribute("title", title)] : [])]
          : [stringAttribute("name", `:::${directive.name}`)];
        parent.children[index] = jsxElement({
          name: known ? "Callout" : "Placeholder",
          attributes,
          children,
          inline: false,
          position: directive.position,
        }) as RootContent;
        // Visit the replacement so directives nested inside it are converted too.
        return index;
      }
      if (node.type === "textDirective" || node.type === "leafDirective") {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        const text = start !== undefined && end !== undefined ? source.slice(start, end) : "";
        const textNode: Text = { type: "text", value: text };
        const paragraph: Paragraph = { type: "paragraph", children: [textNode] };
        parent.children[index] = node.type === "leafDirective" ? paragraph : textNode;
        return SKIP;
      }
      if (isBlockquote(node)) return convertGithubAlert({ node, index, parent });
    });
  };
}

const alertPattern = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/i;

function isBlockquote(node: Node): node is Blockquote {
  return node.type === "blockquote";
}

function convertGithubAlert({
  node,
  index,
  parent,
}: {
  node: Blockquote;
  index: number;
  parent: { children: Node[] };
}) {
  const first = node.children[0];
  if (first?.type !== "paragraph") return;
  const text = first.children[0];
  if (text?.type !== "text") return;
  const match = alertPattern.exec(text.value);
  if (!match) return;
  text.value = text.value.slice(match[0].length);
  if (!text.value) first.children.shift();
  if (first.children[0]?.type === "break") first.children.shift();
  const children = first.children.length ? node.children : node.children.slice(1);
  parent.children[index] = jsxElement({
    name: "Callout",
    attributes: [stringAttribute("type", match[1].toLowerCase())],
    children,
    inline: false,
    position: node.position,
  });
  return index;
}
