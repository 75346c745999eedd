import fs from "node:fs";
import path from "node:path";
import { assetExtension } from "./asset-types";
import { docCategoryItems } from "./doc-category.server";
import {
  fileSha256,
  isExternalUrl,
  isPathReference,
  resolveImportPath,
  resolveProductPath,
  splitUrl,
} from "./resolve-product-path.server";

const importPattern =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"\n]+)['"]|(?:^|\n)\s*import\s*['"]([^'"\n]+)['"]/g;
const urlPatterns = [
  /\]\(\s*<?([^)\s>]+)/g,
  /\b(?:src|href|img|image|poster)=["']([^"']+)["']/g,
  /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm,
  /useBaseUrl\(\s*["'`]([^"'`]+)["'`]/g,
];

/**
 * What else a module's compiled output depends on: included files (by content), images (by content, they
 * are in the URL) and linked modules (by existence). Found by a cheap scan, before any compile, so a cache
 * lookup can tell whether anything changed. Over-matching (e.g. inside code blocks) only adds to the key.
 */
export function moduleDependencies({
  source,
  filePath,
  productDir,
}: {
  source: string;
  filePath: string;
  productDir: string;
}) {
  const entries = new Set<string>();
  const visited = new Set<string>([filePath]);

  function scan(text: string, fromFile: string) {
    const fromDir = path.dirname(fromFile);
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2];
      if (!isPathReference(specifier)) continue;
      const resolved = resolveImportPath({ reference: specifier, fromDir, productDir });
      if (!resolved.ok) {
        entries.add(
          `import:${path.relative(productDir, fromFile)}:${specifier}:${resolved.reason}`,
        );
        continue;
      }
      entries.add(`import:${resolved.relativePath}:${fileSha256(resolved.absolutePath)}`);
      if (!visited.has(resolved.absolutePath) && /\.(mdx?|[jt]sx?)$/i.test(resolved.absolutePath)) {
        visited.add(resolved.absolutePath);
        scan(fs.readFileSync(resolved.absolutePath, "utf8"), resolved.absolutePath);
      }
    }
    for (const pattern of urlPatterns) {
      for (const match of text.matchAll(pattern)) {
        const url = match[1];
        if (isExternalUrl(url)) continue;
        const { pathname } = splitUrl(url);
        if (!pathname) continue;
        const isAsset = assetExtension(pathname) !== null;
        const resolved = resolveProductPath({
          reference: pathname,
          fromDir,
          productDir,
          extensions: isAsset || /\.mdx?$/i.test(pathname) ? [] : [".mdx", ".md"],
        });
        if (!resolved.ok)
          entries.add(`url:${path.relative(productDir, fromFile)}:${pathname}:${resolved.reason}`);
        else
          entries.add(
            `url:${resolved.relativePath}:${isAsset ? fileSha256(resolved.absolutePath) : "exists"}`,
          );
      }
    }
  }

  scan(source, filePath);
  if (/<DocCardList\b/.test(source)) {
    for (const item of docCategoryItems({ modulePath: filePath }))
      entries.add(
        `doc-card:${path.relative(productDir, item.file)}:${item.title}:${item.description ?? ""}`,
      );
  }
  return [...entries].sort();
}
