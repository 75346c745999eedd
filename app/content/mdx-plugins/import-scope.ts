import path from "node:path";
import type { ImportDeclaration } from "estree-jsx";
import { realPath, report, type CompileContext } from "../compile-context";
import { stubModuleSource, stubPrefix } from "./framework-imports";
import { importDeclaration } from "./mdx-nodes";

export type ImportSpecifier = ImportDeclaration["specifiers"][number];

/** What the import and component passes learn about one file while they rewrite it. */
export type ImportScope = {
  context: CompileContext;
  fromDir: string;
  isKnownComponent: (name: string) => boolean;
  /** Local names bound to stubs: whatever uses them renders as a placeholder. */
  unresolved: Set<string>;
  /** Local names of imported .mdx files, which need the page's component map passed down. */
  mdxContentBindings: Set<string>;
  warn: (message: string, line: number | undefined) => void;
};

export function createImportScope({
  context,
  filePath,
  isKnownComponent,
}: {
  context: CompileContext;
  filePath: string;
  isKnownComponent: (name: string) => boolean;
}): ImportScope {
  return {
    context,
    fromDir: path.dirname(realPath(filePath)),
    isKnownComponent,
    unresolved: new Set(),
    mdxContentBindings: new Set(),
    warn: (message, line) =>
      report(context, { severity: "warning", file: filePath, line, message }),
  };
}

export function importedName(specifier: Extract<ImportSpecifier, { type: "ImportSpecifier" }>) {
  return specifier.imported.type === "Identifier"
    ? specifier.imported.name
    : String(specifier.imported.value);
}

/** Re-points an import at a generated module whose exports render as labelled placeholders. */
export function stubImport(
  scope: ImportScope,
  { source, specifiers }: { source: string; specifiers: ImportSpecifier[] },
) {
  const exports = specifiers.flatMap((specifier) => {
    scope.unresolved.add(specifier.local.name);
    if (specifier.type === "ImportNamespaceSpecifier") return [];
    const exportName =
      specifier.type === "ImportDefaultSpecifier" ? "default" : importedName(specifier);
    return /^[A-Za-z_$][\w$]*$/.test(exportName)
      ? [{ exportName, label: specifier.local.name }]
      : [];
  });
  const id = `${stubPrefix}${scope.context.virtualModules.size}:${source}`;
  scope.context.virtualModules.set(id, stubModuleSource(exports));
  return importDeclaration({ source: id, specifiers });
}
