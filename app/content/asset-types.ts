/** The only files the asset route serves; sources (.mdx, .yml, .jsx) never leave the server. */
export const assetContentTypes: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  svg: "image/svg+xml",
  webp: "image/webp",
  pdf: "application/pdf",
  mp4: "video/mp4",
  webm: "video/webm",
  csv: "text/csv; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  json: "application/json; charset=utf-8",
  zip: "application/zip",
};

export function assetExtension(filePath: string) {
  const match = /\.([a-z0-9]+)$/i.exec(filePath);
  const ext = match?.[1].toLowerCase();
  return ext && ext in assetContentTypes ? ext : null;
}

export function assetUrl({
  productSlug,
  relativePath,
  version,
}: {
  productSlug: string;
  relativePath: string;
  version: string;
}) {
  const encoded = relativePath.split("/").map(encodeURIComponent).join("/");
  return `/assets/${encodeURIComponent(productSlug)}/${encoded}?v=${version}`;
}
