import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

const flags = new Set([
  "wrap",
  "lines",
  "expandable",
  "npm2yarn",
  "showlinenumbers",
  "live",
  "noinline",
  "copy",
  "twoslash",
]);

/** The title in a fence's meta: `title="x"` (Docusaurus) or the bare words left after options (Mintlify). */
export function codeTitleFromMeta(meta: string | null | undefined) {
  if (!meta) return undefined;
  const explicit = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(meta);
  if (explicit) return explicit[1] ?? explicit[2] ?? explicit[3];
  const words = meta
    .replace(/\S+=\{[^}]*\}/g, " ")
    .replace(/\S+=(?:"[^"]*"|'[^']*'|\S+)/g, " ")
    .replace(/\{[^}]*\}/g, " ")
    .split(/\s+/)
    .filter((word) => word && !flags.has(word.toLowerCase()));
  return words.length ? words.join(" ") : undefined;
}

/** Puts each fence's language and title on its `<pre>` so the `pre` component can draw a title bar. */
export function rehypeCodeMeta() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "pre") return;
      const code = node.children.find(
        (child): child is Element => child.type === "element" && child.tagName === "code",
      );
      if (!code) return;
      const classes = Array.isArray(code.properties.className)
        ? code.properties.className.map(String)
        : [];
      const language = classes
        .find((name) => name.startsWith("language-"))
        ?.slice("language-".length);
      const meta = (code.data as { meta?: string | null } | undefined)?.meta;
      const title = codeTitleFromMeta(meta);
      if (language) node.properties.dataLanguage = language;
      if (title) node.properties.dataTitle = title;
    });
  };
}
