import type { Heading, PhrasingContent, Root, RootContent } from "mdast";
import type { MdxJsxAttribute } from "mdast-util-mdx-jsx";
import { SKIP, visit } from "unist-util-visit";
import { isJsxElement, readAttribute, type MdxJsxElement } from "./mdx-nodes";

/**
 * Mintlify's `<Heading level={3}>` becomes the heading it stands for, so it gets its id and its place
 * in the table of contents as a `###` heading would. Docusaurus's `<Heading as="h3">` stays a
 * component: Docusaurus builds its contents from Markdown headings only.
 */
export function remarkHeadingComponent() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (!isJsxElement(node) || node.name !== "Heading" || !parent || index === undefined) return;
      if (readAttribute(node, "as") !== undefined) return;
      const id = readAttribute(node, "id");
      const heading: Heading = {
        type: "heading",
        depth: depthOf(node),
        children: phrasingOf(node.children as RootContent[]),
        position: node.position,
        ...(typeof id === "string" && id ? { data: { hProperties: { id } } } : {}),
      };
      (parent.children as RootContent[])[index] = heading;
      return SKIP;
    });
  };
}

function depthOf(element: MdxJsxElement): Heading["depth"] {
  const level = element.attributes.find(
    (a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === "level",
  )?.value;
  const written = Number(typeof level === "string" ? level : level?.value.trim());
  return (
    Number.isInteger(written) && written >= 1 && written <= 6 ? written : 2
  ) as Heading["depth"];
}

/** Its words, unwrapped from the paragraph MDX puts around text on lines of its own. */
function phrasingOf(children: RootContent[]): PhrasingContent[] {
  return children.flatMap((child) =>
    child.type === "paragraph" ? child.children : ([child] as PhrasingContent[]),
  );
}
