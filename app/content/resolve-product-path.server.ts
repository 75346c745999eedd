import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type ResolvedPath =
  | { ok: true; absolutePath: string; relativePath: string }
  | { ok: false; reason: "outside" | "missing"; absolutePath: string };

const importExtensions = [".mdx", ".md", ".jsx", ".js", ".tsx", ".ts", ".json"];

export function isExternalUrl(url: string) {
  return (
    /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//") || url.startsWith("#") || url === ""
  );
}

export function isInside({ dir, filePath }: { dir: string; filePath: string }) {
  const relative = path.relative(dir, filePath);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

function isFile(filePath: string) {
  try {
    return fs.statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/**
 * Resolves a path written in content: `/x` from the product folder (then Docusaurus's `static/x`),
 * anything else from the referencing file's folder. Never leaves the product folder.
 */
export function resolveProductPath({
  reference,
  fromDir,
  productDir,
  extensions = [],
}: {
  reference: string;
  fromDir: string;
  productDir: string;
  extensions?: string[];
}): ResolvedPath {
  let decoded = reference;
  try {
    decoded = decodeURI(reference);
  } catch {
    // Keep the reference as written when it is not valid percent-encoding.
  }
  const bases = decoded.startsWith("/")
    ? [path.join(productDir, decoded), path.join(productDir, "static", decoded)]
    : [path.resolve(fromDir, decoded)];
  const first = bases[0];
  if (!isInside({ dir: productDir, filePath: first })) {
    return { ok: false, reason: "outside", absolutePath: first };
  }
  for (const base of bases) {
    const candidates = [
      base,
      ...extensions.map((ext) => base + ext),
      ...extensions.map((ext) => path.join(base, `index${ext}`)),
    ];
    const found = candidates.find(
      (candidate) => isInside({ dir: productDir, filePath: candidate }) && isFile(candidate),
    );
    if (found) {
      return {
        ok: true,
        absolutePath: found,
        relativePath: path.relative(productDir, found).split(path.sep).join("/"),
      };
    }
  }
  return { ok: false, reason: "missing", absolutePath: first };
}

export function resolveImportPath(options: {
  reference: string;
  fromDir: string;
  productDir: string;
}) {
  return resolveProductPath({ ...options, extensions: importExtensions });
}

export function splitUrl(url: string) {
  const match = /^([^?#]*)([?#].*)?$/.exec(url);
  return { pathname: match?.[1] ?? url, suffix: match?.[2] ?? "" };
}

const hashes = new Map<string, { mtimeMs: number; size: number; hash: string }>();

/** sha256 hex of a file, memoised by mtime and size so re-scans do not re-read unchanged files. */
export function fileSha256(filePath: string) {
  const stat = fs.statSync(filePath);
  const known = hashes.get(filePath);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.hash;
  const hash = crypto.createHash("sha256").update(fs.readFileSync(filePath)).digest("hex");
  hashes.set(filePath, { mtimeMs: stat.mtimeMs, size: stat.size, hash });
  return hash;
}
