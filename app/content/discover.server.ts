import fs from "node:fs";
import path from "node:path";
import { compareEntryNames, isIgnoredName, isModulePath } from "./module-path";

export type ContentRoot = { kind: "content"; dir: string } | { kind: "product"; dir: string };

/** A folder with `products/` inside is a content dir; any other folder is a single product (a docs folder). */
export function contentRootFor(dir: string): ContentRoot {
  const resolved = path.resolve(dir);
  return fs.existsSync(path.join(resolved, "products"))
    ? { kind: "content", dir: resolved }
    : { kind: "product", dir: resolved };
}

export function productSlugFromFolder(folderName: string) {
  return (
    folderName
      .normalize("NFKD")
      .replace(/[^\w-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase() || "product"
  );
}

export function listProductDirs(root: ContentRoot): { slug: string; dir: string }[] {
  if (!fs.existsSync(root.dir)) return [];
  if (root.kind === "product")
    return [{ slug: productSlugFromFolder(path.basename(root.dir)), dir: root.dir }];
  const productsDir = path.join(root.dir, "products");
  if (!fs.existsSync(productsDir)) return [];
  return fs
    .readdirSync(productsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !isIgnoredName(entry.name))
    .map((entry) => entry.name)
    .sort(compareEntryNames)
    .map((name) => ({ slug: productSlugFromFolder(name), dir: path.join(productsDir, name) }));
}

export type FileStamp = { relativePath: string; mtimeMs: number; size: number };

/** Every file under a product folder (minus dot-folders and node_modules), a folder's own files before its subfolders. */
export function listProductFiles(productDir: string): FileStamp[] {
  const files: FileStamp[] = [];
  function walk(relativeDir: string) {
    const absoluteDir = path.join(productDir, relativeDir);
    const entries = fs
      .readdirSync(absoluteDir, { withFileTypes: true })
      .filter((e) => !isIgnoredName(e.name));
    const byName = (a: fs.Dirent, b: fs.Dirent) => compareEntryNames(a.name, b.name);
    for (const entry of entries.filter((e) => e.isFile()).sort(byName)) {
      const relativePath = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      const stat = fs.statSync(path.join(productDir, relativePath));
      files.push({ relativePath, mtimeMs: stat.mtimeMs, size: stat.size });
    }
    for (const entry of entries.filter((e) => e.isDirectory()).sort(byName)) {
      walk(relativeDir ? `${relativeDir}/${entry.name}` : entry.name);
    }
  }
  walk("");
  return files;
}

/** Module files of a product in default journey order. */
export function discoverModulePaths(productDir: string) {
  return listProductFiles(productDir)
    .map((file) => file.relativePath)
    .filter(isModulePath);
}

/** The folder of a product, without compiling anything (the asset route needs only this). */
export function findProductDir({ root, productSlug }: { root: ContentRoot; productSlug: string }) {
  return listProductDirs(root).find((product) => product.slug === productSlug)?.dir ?? null;
}
