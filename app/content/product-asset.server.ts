import fs from "node:fs";
import path from "node:path";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { getEnv } from "~/utils/env.server";
import { assetContentTypes, assetExtension } from "./asset-types";
import { contentRootFor, findProductDir } from "./discover.server";
import { isIgnoredName } from "./module-path";
import { isInside } from "./resolve-product-path.server";

/** The file behind `/assets/<product>/<path>`, or null for anything that is not a servable asset inside the product. */
export function findProductAsset({
  productSlug,
  assetPath,
  contentDir = getEnv().CONTENT_DIR,
}: {
  productSlug: string;
  assetPath: string;
  contentDir?: string;
}) {
  const extension = assetExtension(assetPath);
  const segments = assetPath.split("/");
  if (
    !extension ||
    assetPath.includes("\0") ||
    segments.some((s) => s === ".." || s === "" || isIgnoredName(s))
  )
    return null;
  const productDir = findProductDir({ root: contentRootFor(contentDir), productSlug });
  if (!productDir) return null;
  const filePath = path.resolve(productDir, ...segments);
  if (!isInside({ dir: productDir, filePath })) return null;
  try {
    // A symlink must not lead out of the product folder either.
    const realFile = fs.realpathSync(filePath);
    if (
      !isInside({ dir: fs.realpathSync(productDir), filePath: realFile }) ||
      !fs.statSync(realFile).isFile()
    )
      return null;
    return {
      filePath: realFile,
      contentType: assetContentTypes[extension],
      size: fs.statSync(realFile).size,
    };
  } catch {
    return null;
  }
}

export function productAssetResponse({
  productSlug,
  assetPath,
  versioned,
  contentDir,
}: {
  productSlug: string;
  assetPath: string;
  /** Rewritten URLs carry `?v=<hash>`, so their content never changes and may be cached for good. */
  versioned: boolean;
  contentDir?: string;
}) {
  const asset = findProductAsset({ productSlug, assetPath, contentDir });
  if (!asset)
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const headers = new Headers({
    "Content-Type": asset.contentType,
    "Content-Length": String(asset.size),
    "Cache-Control": versioned ? "private, max-age=31536000, immutable" : "private, max-age=300",
  });
  // Author SVGs are served from our origin: never let one run script.
  if (asset.contentType.startsWith("image/svg"))
    headers.set(
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; sandbox",
    );
  return new Response(createReadableStreamFromReadable(fs.createReadStream(asset.filePath)), {
    headers,
  });
}
