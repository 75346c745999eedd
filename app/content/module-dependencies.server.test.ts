import fs from "node:fs";
import path from "node:path";
import { writeTree } from "./__fixtures__/write-tree";
import { moduleDependencies } from "./module-dependencies.server";

const png = Buffer.from("89504e470d0a1a0a", "hex");

function dependenciesOf(productDir: string, module: string) {
  const filePath = path.join(productDir, module);
  return moduleDependencies({ source: fs.readFileSync(filePath, "utf8"), filePath, productDir });
}

test("a page with DocCardList depends on the titles of the pages it lists", () => {
  const dir = writeTree({
    "docs/guides/index.mdx": "import DocCardList from '@theme/DocCardList';\n\n<DocCardList />\n",
    "docs/guides/setup.mdx": "# Set up\n",
  });
  const before = dependenciesOf(dir, "docs/guides/index.mdx");
  fs.writeFileSync(path.join(dir, "docs/guides/setup.mdx"), "# Set up in ten minutes\n");
  expect(dependenciesOf(dir, "docs/guides/index.mdx")).not.toEqual(before);
});

test("@site/ imports and useBaseUrl images count, so editing them recompiles the page", () => {
  const dir = writeTree({
    "docusaurus.config.js": "export default {};",
    "docs/page.mdx":
      "import Logo from '@site/static/img/logo.svg';\nimport useBaseUrl from '@docusaurus/useBaseUrl';\n\n<Logo />\n\n<img src={useBaseUrl('/img/board.png')} />\n",
    "static/img/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "static/img/board.png": png,
  });
  const before = dependenciesOf(dir, "docs/page.mdx");
  expect(before.some((entry) => entry.startsWith("import:static/img/logo.svg:"))).toBe(true);
  expect(before.some((entry) => entry.startsWith("url:static/img/board.png:"))).toBe(true);
  fs.writeFileSync(path.join(dir, "static/img/board.png"), Buffer.concat([png, png]));
  expect(dependenciesOf(dir, "docs/page.mdx")).not.toEqual(before);
});
