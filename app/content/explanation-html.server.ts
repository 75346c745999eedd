import type { Nodes } from "mdast";
import { createElement, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const voidElements = new Set(["br", "hr", "img", "input", "wbr", "source"]);

/** Renders a quiz explanation (markdown, maybe with simple JSX) to an HTML string at compile time. */
export function explanationHtml(nodes: Nodes[]) {
  return renderToStaticMarkup(createElement(Fragment, null, ...nodes.map(toReact)));
}

function toReact(node: Nodes, key?: number): ReactNode {
  const children = () => ("children" in node ? (node.children as Nodes[]).map(toReact) : []);
  const element = (type: string, props: Record<string, unknown> = {}) =>
    createElement(type, { key, ...props }, ...children());
  switch (node.type) {
    case "root":
      return createElement(Fragment, { key }, ...children());
    case "text":
      return node.value;
    case "paragraph":
      return element("p");
    case "strong":
      return element("strong");
    case "emphasis":
      return element("em");
    case "delete":
      return element("del");
    case "inlineCode":
      return createElement("code", { key }, node.value);
    case "code":
      return createElement(
        "pre",
        { key },
        createElement(
          "code",
          { className: node.lang ? `language-${node.lang}` : undefined },
          node.value,
        ),
      );
    case "link":
      return element("a", { href: node.url, title: node.title ?? undefined });
    case "image":
      return createElement("img", { key, src: node.url, alt: node.alt ?? "" });
    case "list":
      return element(node.ordered ? "ol" : "ul");
    case "listItem":
      return element("li");
    case "blockquote":
      return element("blockquote");
    case "heading":
      return element(`h${Math.max(node.depth, 3)}`);
    case "break":
      return createElement("br", { key });
    case "thematicBreak":
      return createElement("hr", { key });
    case "table":
      return createElement("table", { key }, createElement("tbody", null, ...children()));
    case "tableRow":
      return element("tr");
    case "tableCell":
      return element("td");
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement": {
      const name = node.name ?? "";
      if (!/^[a-z][a-z0-9]*$/.test(name)) return createElement(Fragment, { key }, ...children());
      const props: Record<string, string> = {};
      for (const attribute of node.attributes) {
        if (attribute.type === "mdxJsxAttribute" && typeof attribute.value === "string") {
          props[attribute.name === "class" ? "className" : attribute.name] = attribute.value;
        }
      }
      if (voidElements.has(name)) return createElement(name, { key, ...props });
      return element(name, props);
    }
    default:
      return "children" in node ? createElement(Fragment, { key }, ...children()) : null;
  }
}
