import { normalizeMdxSource } from "./normalize-mdx-source";

test("docs-site syntax MDX 3 rejects is rewritten without moving any line", () => {
  const source = [
    ":::tip Read this [first]",
    "<!-- one line -->",
    'a<br>b <img src="x.png"> `<br>` <https://example.com>',
    "<!--",
    "two */ lines",
    "-->",
    "## Heading {#custom}",
    "```html",
    "<!-- inside code --> <br>",
    "```",
  ].join("\n");
  const { source: output, headingIds } = normalizeMdxSource(source);
  expect(output.split("\n")).toEqual([
    ":::tip[Read this \\[first\\]]",
    "{/* one line */}",
    'a<br />b <img src="x.png" /> `<br>` [https://example.com](https://example.com)',
    "{/*",
    "two * / lines",
    "*/}",
    "## Heading",
    "```html",
    "<!-- inside code --> <br>",
    "```",
  ]);
  expect(headingIds).toEqual(new Map([[7, "custom"]]));
});
