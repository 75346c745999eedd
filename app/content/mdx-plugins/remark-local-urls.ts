import path from "node:path";
import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { assetExtension, assetUrl } from "../asset-types";
import { realPath, report, type CompileContext } from "../compile-context";
import { isModulePath, moduleSlugFromPath, moduleUrl } from "../module-path";
import {
  fileSha256,
  isExternalUrl,
  resolveProductPath,
  splitUrl,
} from "../resolve-product-path.server";
import { isJsxElement, type PluginFile } from "./mdx-nodes";

const mediaAttributes = new Set(["src", "img", "image", "poster"]);

/**
 * Points local images and files at the asset route (`/assets/<product>/<path>?v=<hash>`) and links to
 * other modules at their page, reporting anything missing with its line.
 */
export function remarkLocalUrls(context: CompileContext) {
  return (tree: Root, file: PluginFile) => {
    const filePath = realPath(file.path);
    const rewrite = (options: { url: string; kind: "media" | "link"; line: number | undefined }) =>
      rewriteUrl({ ...options, context, filePath });
    visit(tree as Node, (node) => {
      const line = node.position?.start.line;
      if (node.type === "image" && "url" in node && typeof node.url === "string") {
        node.url = rewrite({ url: node.url, kind: "media", line });
      } else if (
        (node.type === "link" || node.type === "definition") &&
        "url" in node &&
        typeof node.url === "string"
      ) {
        node.url = rewrite({ url: node.url, kind: "link", line });
      } else if (isJsxElement(node)) {
        for (const attribute of node.attributes) {
          if (attribute.type !== "mdxJsxAttribute" || typeof attribute.value !== "string") continue;
          const kind = mediaAttributes.has(attribute.name)
            ? "media"
            : attribute.name === "href"
              ? "link"
              : null;
          if (kind)
            attribute.value = rewrite({
              url: attribute.value,
              kind,
              line: attribute.position?.start.line ?? line,
            });
        }
      }
    });
  };
}

function rewriteUrl({
  url,
  kind,
  line,
  context,
  filePath,
}: {
  url: string;
  kind: "media" | "link";
  line: number | undefined;
  context: CompileContext;
  filePath: string;
}) {
  const trimmed = url.trim();
  if (isExternalUrl(trimmed)) return url;
  const { pathname, suffix } = splitUrl(trimmed);
  if (!pathname) return url;
  const hash = suffix.includes("#") ? suffix.slice(suffix.indexOf("#")) : "";
  const resolve = (extensions: string[] = []) =>
    resolveProductPath({
      reference: pathname,
      fromDir: path.dirname(filePath),
      productDir: context.productDir,
      extensions,
    });
  const problem = (message: string, severity: "error" | "warning" = "error") =>
    report(context, { severity, file: filePath, line, message });

  if (assetExtension(pathname)) {
    const resolved = resolve();
    if (!resolved.ok) {
      const what = kind === "media" ? "Image" : "Linked file";
      problem(
        resolved.reason === "outside"
          ? `${what} ${pathname} is outside the product folder`
          : `${what} not found: ${pathname}`,
      );
      return url;
    }
    const version = fileSha256(resolved.absolutePath).slice(0, 12);
    return (
      assetUrl({ productSlug: context.productSlug, relativePath: resolved.relativePath, version }) +
      hash
    );
  }

  const isDocument = /\.mdx?$/i.test(pathname);
  if (kind === "link") {
    const resolved = resolve(isDocument ? [] : [".mdx", ".md"]);
    if (!resolved.ok) {
      if (isDocument)
        problem(
          resolved.reason === "outside"
            ? `Link ${pathname} points outside the product folder`
            : `Link target not found: ${pathname}`,
        );
      return url;
    }
    if (!/\.mdx?$/i.test(resolved.relativePath)) return url;
    if (!isModulePath(resolved.relativePath)) {
      problem(`Link to ${pathname} goes to an include, not a module`, "warning");
      return url;
    }
    return (
      moduleUrl({
        productSlug: context.productSlug,
        moduleSlug: moduleSlugFromPath(resolved.relativePath),
      }) + hash
    );
  }

  const resolved = resolve();
  if (!resolved.ok)
    problem(
      resolved.reason === "outside"
        ? `Image ${pathname} is outside the product folder`
        : `Image not found: ${pathname}`,
    );
  else problem(`${pathname} is not a file type the asset route serves`, "warning");
  return url;
}
