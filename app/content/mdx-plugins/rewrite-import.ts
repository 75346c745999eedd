import path from "node:path";
import type { ImportDeclaration } from "estree-jsx";
import { assetExtension, assetUrl } from "../asset-types";
import {
  fileSha256,
  isPathReference,
  resolveImportPath,
  resolveProductPath,
} from "../resolve-product-path.server";
import {
  assetPrefix,
  componentsModule,
  defaultExportName,
  frameworkShims,
  isFrameworkModule,
  runtimeModules,
  shimPrefix,
  svgComponentSource,
} from "./framework-imports";
import { importedName, stubImport, type ImportScope, type ImportSpecifier } from "./import-scope";
import { importDeclaration, namedImport } from "./mdx-nodes";

const codeExtensions = new Set([".mdx", ".md", ".jsx", ".js", ".tsx", ".ts", ".json"]);

/**
 * Decides what one import in content becomes: kept (React, files inside the product), taken from the
 * component map or a shim (docs-framework modules), an asset URL, or a stub of placeholders with a warning.
 */
export function rewriteImport({
  scope,
  declaration,
  line,
}: {
  scope: ImportScope;
  declaration: ImportDeclaration;
  line: number | undefined;
}): ImportDeclaration[] {
  const source = String(declaration.source.value);
  const specifiers = declaration.specifiers;
  if (runtimeModules.has(source)) return [declaration];
  if (isFrameworkModule(source)) return rewriteFrameworkImport({ scope, source, specifiers, line });

  const unresolvable = (reason: string) => {
    const names = specifiers.map((s) => s.local.name).join(", ");
    const shown = names ? `; ${names} shown as placeholder${specifiers.length > 1 ? "s" : ""}` : "";
    scope.warn(`${reason}${shown}`, line);
    return specifiers.length ? [stubImport(scope, { source, specifiers })] : [];
  };
  if (source.startsWith("!") || source.includes("?")) {
    return unresolvable(
      `Import "${source}" uses bundler loader syntax that Firsthand does not run`,
    );
  }
  if (!isPathReference(source)) return unresolvable(`Cannot import package "${source}" in content`);

  const { context, fromDir } = scope;
  const resolved = resolveImportPath({
    reference: source,
    fromDir,
    productDir: context.productDir,
  });
  if (!resolved.ok) {
    return unresolvable(
      resolved.reason === "outside"
        ? `Import "${source}" is outside the product folder`
        : `Import "${source}" not found`,
    );
  }
  const extension = path.extname(resolved.absolutePath).toLowerCase();
  if (codeExtensions.has(extension)) {
    if (extension === ".mdx" || extension === ".md") {
      for (const specifier of specifiers) {
        if (specifier.type === "ImportDefaultSpecifier")
          scope.mdxContentBindings.add(specifier.local.name);
      }
    }
    const relative = path.relative(fromDir, resolved.absolutePath).split(path.sep).join("/");
    return [
      importDeclaration({
        source: relative.startsWith(".") ? relative : `./${relative}`,
        specifiers,
      }),
    ];
  }
  if (assetExtension(resolved.absolutePath)) {
    const url = assetUrl({
      productSlug: context.productSlug,
      relativePath: resolved.relativePath,
      version: fileSha256(resolved.absolutePath).slice(0, 12),
    });
    const id = `${assetPrefix}${resolved.relativePath}`;
    // Docusaurus (SVGR) and Next.js setups import an SVG as a component: `<Diagram />`.
    context.virtualModules.set(
      id,
      extension === ".svg"
        ? svgComponentSource({ url, label: path.basename(resolved.absolutePath, extension) })
        : `export default ${JSON.stringify(url)};`,
    );
    return [importDeclaration({ source: id, specifiers })];
  }
  return unresolvable(
    `Cannot import ${extension || "extensionless"} files like "${source}" in content`,
  );
}

function rewriteFrameworkImport({
  scope,
  source,
  specifiers,
  line,
}: {
  scope: ImportScope;
  source: string;
  specifiers: ImportSpecifier[];
  line: number | undefined;
}) {
  const fromMap: ImportSpecifier[] = [];
  const fromShim: ImportSpecifier[] = [];
  const missing: ImportSpecifier[] = [];
  for (const specifier of specifiers) {
    const imported =
      specifier.type === "ImportDefaultSpecifier"
        ? defaultExportName(source)
        : specifier.type === "ImportSpecifier"
          ? importedName(specifier)
          : null;
    const exportName = specifier.type === "ImportDefaultSpecifier" ? "default" : imported;
    if (imported && scope.isKnownComponent(imported)) {
      // Dropping the import lets the name resolve through the component map; an alias needs a real binding.
      if (specifier.local.name !== imported)
        fromMap.push(namedImport(imported, specifier.local.name));
    } else if (exportName && frameworkShims[source]?.exports.includes(exportName)) {
      fromShim.push(specifier);
    } else {
      missing.push(specifier);
    }
  }
  if (fromShim.length) {
    scope.context.virtualModules.set(
      `${shimPrefix}${source}`,
      source === "@docusaurus/useBaseUrl"
        ? baseUrlShimSource(scope)
        : frameworkShims[source].source,
    );
  }
  if (missing.length) {
    const names = missing.map((s) => s.local.name).join(", ");
    scope.warn(`${source} has no Firsthand equivalent for ${names}; shown as placeholders`, line);
  }
  return [
    ...(fromMap.length
      ? [importDeclaration({ source: componentsModule, specifiers: fromMap })]
      : []),
    ...(fromShim.length
      ? [importDeclaration({ source: `${shimPrefix}${source}`, specifiers: fromShim })]
      : []),
    ...(missing.length ? [stubImport(scope, { source, specifiers: missing })] : []),
  ];
}

/**
 * `useBaseUrl('/img/x.png')` gives the static file's URL on a Docusaurus site; here it gives the asset
 * route's URL for every such literal path in the module, and any other URL unchanged.
 */
function baseUrlShimSource(scope: ImportScope) {
  const { context, fromDir } = scope;
  const known: Record<string, string> = {};
  for (const match of context.entrySource.matchAll(/useBaseUrl\(\s*["'`]([^"'`]+)["'`]/g)) {
    const reference = match[1];
    if (!assetExtension(reference)) continue;
    const resolved = resolveProductPath({ reference, fromDir, productDir: context.productDir });
    if (!resolved.ok) continue;
    known[reference] = assetUrl({
      productSlug: context.productSlug,
      relativePath: resolved.relativePath,
      version: fileSha256(resolved.absolutePath).slice(0, 12),
    });
  }
  return [
    `const known = ${JSON.stringify(known)};`,
    "const withBaseUrl = (url) => known[url] ?? url;",
    "export default function useBaseUrl(url) { return withBaseUrl(url); }",
    "export function useBaseUrlUtils() { return { withBaseUrl }; }",
  ].join("\n");
}
