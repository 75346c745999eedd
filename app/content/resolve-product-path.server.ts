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

/** Paths content may import or link: relative, root-absolute, and the `@site/` (Docusaurus) and `@/` (Next.js) root aliases. */
export function isPathReference(reference: string) {
  return /^(\.{0,2}\/|@site\/|@\/)/.test(reference);
}

/**
 * Resolves a path written in content. Root-absolute paths (`/x`, `@site/x`, `@/x`) start at the docs
 * root (see docsRootFor), then its `static/` (Docusaurus) or `public/` (Next.js) folder, then the
 * product folder; anything else starts at the referencing file's folder. Never leaves the product folder.
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
  const bases = candidateBases({ reference: decoded, fromDir, productDir });
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

function candidateBases({
  reference,
  fromDir,
  productDir,
}: {
  reference: string;
  fromDir: string;
  productDir: string;
}) {
  const alias = /^(@site|@)\//.exec(reference);
  if (!alias && !reference.startsWith("/")) return [path.resolve(fromDir, reference)];
  const rest = alias ? reference.slice(alias[0].length) : reference.slice(1);
  const docsRoot = docsRootFor({ fromDir, productDir });
  const roots = docsRoot === productDir ? [productDir] : [docsRoot, productDir];
  // An alias names the site's source tree; a bare `/x` is a URL, so it may be a static file.
  const folders = alias ? [""] : ["", "static", "public"];
  return roots.flatMap((root) => folders.map((folder) => path.join(root, folder, rest)));
}

const frameworkConfigPattern =
  /^(docs\.json|mint\.json|docusaurus\.config\.[cm]?[jt]s|next\.config\.[cm]?[jt]s|theme\.config\.[jt]sx?)$/;

function holdsFrameworkConfig(dir: string) {
  try {
    return fs.readdirSync(dir).some((name) => frameworkConfigPattern.test(name));
  } catch {
    return false;
  }
}

const searchedRoots = new Map<string, string>();

/**
 * The docs root: the folder holding the framework's config (`docs.json`, `mint.json`,
 * `docusaurus.config.*`, `next.config.*`, …) nearest above the file, else one found a few levels down
 * the product folder, else the product folder itself.
 */
export function docsRootFor({ fromDir, productDir }: { fromDir: string; productDir: string }) {
  for (let dir = fromDir; isInside({ dir: productDir, filePath: dir }); dir = path.dirname(dir)) {
    if (holdsFrameworkConfig(dir)) return dir;
  }
  if (holdsFrameworkConfig(productDir)) return productDir;
  let found = searchedRoots.get(productDir);
  if (found === undefined) {
    found = findConfigBelow(productDir) ?? productDir;
    searchedRoots.set(productDir, found);
  }
  return found;
}

function findConfigBelow(productDir: string) {
  let level = [productDir];
  for (let depth = 0; depth < 3 && level.length; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries: fs.Dirent[] = [];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name.startsWith(".") || entry.name === "node_modules")
          continue;
        const child = path.join(dir, entry.name);
        if (holdsFrameworkConfig(child)) return child;
        next.push(child);
      }
    }
    level = next;
  }
  return null;
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
