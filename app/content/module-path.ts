export const moduleExtensions = [".mdx", ".md"];

const includeFolders = new Set(["snippets", "_partials"]);
const orderPrefix = /^(\d+)[-_.](?=.)/;

export function hasModuleExtension(fileName: string) {
  return moduleExtensions.some((ext) => fileName.toLowerCase().endsWith(ext));
}

export function isIgnoredName(name: string) {
  return name.startsWith(".") || name === "node_modules";
}

/** Every .md/.mdx file is a module except includes: files in snippets/ or _partials/, or named `_x`. */
export function isModulePath(relativePath: string) {
  const segments = relativePath.split("/");
  const fileName = segments[segments.length - 1];
  if (!hasModuleExtension(fileName) || fileName.startsWith("_")) return false;
  return !segments.some((segment) => includeFolders.has(segment) || isIgnoredName(segment));
}

export function stripExtension(fileName: string) {
  return fileName.replace(/\.[^./]+$/, "");
}

export function stripOrderPrefix(name: string) {
  return name.replace(orderPrefix, "");
}

export function readOrderPrefix(name: string): number | null {
  const match = orderPrefix.exec(name);
  return match ? Number(match[1]) : null;
}

/** `01-week-1/02_rules.mdx` → `week-1/rules`; `guide/index.mdx` → `guide`; `index.mdx` → `index`. */
export function moduleSlugFromPath(relativePath: string) {
  const segments = stripExtension(relativePath).split("/").map(stripOrderPrefix);
  if (segments.length > 1 && segments[segments.length - 1] === "index") segments.pop();
  return segments.join("/");
}

/** Folder entries order: index first, then by numeric prefix, then by name. */
export function compareEntryNames(a: string, b: string) {
  const aIndex = stripExtension(a) === "index";
  const bIndex = stripExtension(b) === "index";
  if (aIndex !== bIndex) return aIndex ? -1 : 1;
  const aPrefix = readOrderPrefix(a) ?? Number.POSITIVE_INFINITY;
  const bPrefix = readOrderPrefix(b) ?? Number.POSITIVE_INFINITY;
  if (aPrefix !== bPrefix) return aPrefix < bPrefix ? -1 : 1;
  return stripOrderPrefix(a).localeCompare(stripOrderPrefix(b), "en", {
    numeric: true,
    sensitivity: "base",
  });
}

export function humanizeName(name: string) {
  const words = stripOrderPrefix(stripExtension(name)).replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function moduleUrl({
  productSlug,
  moduleSlug,
}: {
  productSlug: string;
  moduleSlug: string;
}) {
  const encoded = moduleSlug.split("/").map(encodeURIComponent).join("/");
  return `/products/${encodeURIComponent(productSlug)}/${encoded}`;
}
