import path from "node:path";
import { contentRootFor, discoverModulePaths, listProductDirs } from "./discover.server";
import { goodFixture, writeTree } from "./__fixtures__/write-tree";

test("modules are found folder by folder: a folder's own files first, then its subfolders, all in prefix/name order", () => {
  const dir = writeTree({
    "b-later.mdx": "",
    "02-second.mdx": "",
    "01-first.md": "",
    "index.mdx": "",
    "02-week-2/01-rules.mdx": "",
    "02-week-2/index.mdx": "",
    "01-week-1/setup.mdx": "",
    "snippets/shared.mdx": "",
    "_partials/reminder.mdx": "",
    "_draft.mdx": "",
    ".hidden/secret.mdx": "",
    "node_modules/x/readme.md": "",
    "images/a.png": "",
  });
  expect(discoverModulePaths(dir)).toEqual([
    "index.mdx",
    "01-first.md",
    "02-second.mdx",
    "b-later.mdx",
    "01-week-1/setup.mdx",
    "02-week-2/index.mdx",
    "02-week-2/01-rules.mdx",
  ]);
});

test("a folder with products/ is a content dir; any other folder is one product named after it", () => {
  const content = contentRootFor(goodFixture);
  expect(content.kind).toBe("content");
  expect(listProductDirs(content)).toEqual([
    { slug: "acme", dir: path.join(goodFixture, "products", "acme") },
  ]);

  const docs = writeTree({ "My Docs/intro.mdx": "" });
  const single = contentRootFor(path.join(docs, "My Docs"));
  expect(single.kind).toBe("product");
  expect(listProductDirs(single)).toEqual([{ slug: "my-docs", dir: path.join(docs, "My Docs") }]);
});
