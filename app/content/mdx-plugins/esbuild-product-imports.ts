import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "esbuild";
import { asMdxPath, realPath, report, type CompileContext } from "../compile-context";
import { normalizeMdxSource } from "../normalize-mdx-source";
import { isInside, isPathReference, resolveImportPath } from "../resolve-product-path.server";
import { reportServerReaches, type CodeGuard } from "./code-guard";
import { componentsModule, reactApis, runtimeModules, stubModuleSource } from "./framework-imports";
import { scriptServerReaches } from "./script-server-reach";

const virtualNamespace = "firsthand-virtual";

/**
 * Resolves imports the way content expects (`/snippets/x` from the product folder), keeps every import
 * inside the product folder, serves generated stub/shim modules, and feeds MDX includes through the
 * same source normalisation as modules.
 */
export function esbuildProductImports({
  context,
  guard,
  isKnownComponent,
}: {
  context: CompileContext;
  /** Checks imported scripts for code that reaches the server. */
  guard: CodeGuard;
  isKnownComponent: (name: string) => boolean;
}): Plugin {
  return {
    name: "firsthand-product-imports",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        // Claim the entry before mdx-bundler's node-resolve plugin reads the un-normalised file from disk.
        if (args.kind === "entry-point" || args.path === context.entryPath) {
          return { path: context.entryPath, pluginData: { contents: context.entrySource } };
        }
        if (context.virtualModules.has(args.path))
          return { path: args.path, namespace: virtualNamespace };
        if (runtimeModules.has(args.path)) return undefined;

        const importer = realPath(args.importer);
        const stub = (message: string) => {
          report(context, {
            severity: "warning",
            file: importer,
            line: lineOfText(importer, args.path),
            message,
          });
          const id = `firsthand-stub:unresolved:${args.path}`;
          context.virtualModules.set(
            id,
            stubModuleSource([{ exportName: "default", label: args.path }]),
          );
          return { path: id, namespace: virtualNamespace };
        };
        if (!isPathReference(args.path))
          return stub(`Cannot import package "${args.path}" in content; left out`);
        const resolved = resolveImportPath({
          reference: args.path,
          fromDir: args.resolveDir,
          productDir: context.productDir,
        });
        if (!resolved.ok) {
          return stub(
            resolved.reason === "outside"
              ? `Import "${args.path}" is outside the product folder; left out`
              : `Import "${args.path}" not found; left out`,
          );
        }
        if (!/\.mdx?$/i.test(resolved.absolutePath)) return { path: resolved.absolutePath };
        const normalized = normalizeMdxSource(fs.readFileSync(resolved.absolutePath, "utf8"));
        context.headingIds.set(resolved.absolutePath, normalized.headingIds);
        return {
          path: asMdxPath(resolved.absolutePath),
          pluginData: { contents: normalized.source },
        };
      });

      build.onLoad({ filter: /.*/, namespace: virtualNamespace }, (args) => ({
        contents: context.virtualModules.get(args.path) ?? "module.exports = {};",
        loader: "js",
        resolveDir: context.productDir,
      }));

      // Every script esbuild would load is checked, whatever its extension or folder.
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        const source = fs.readFileSync(args.path, "utf8");
        const loader = scriptLoader(args.path);
        const reaches = scriptServerReaches({ source, loader });
        reportServerReaches({ guard, file: args.path, reaches });
        if (!isInside({ dir: context.productDir, filePath: args.path })) return undefined;
        return { contents: withInjectedImports({ source, isKnownComponent }), loader };
      });
    },
  };
}

function scriptLoader(filePath: string) {
  const extension = path.extname(filePath).slice(1);
  if (extension === "tsx") return "tsx";
  return /^[cm]?ts$/.test(extension) ? "ts" : "jsx";
}

/** Mintlify snippets use hooks and components without importing them; add the imports they rely on. */
export function withInjectedImports({
  source,
  isKnownComponent,
}: {
  source: string;
  isKnownComponent: (name: string) => boolean;
}) {
  const isDeclared = (name: string) =>
    [
      `import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`,
      `import\\s+${name}\\b`,
      `(?:const|let|var|function|class)\\s+${name}\\b`,
      `(?:const|let|var)\\s*[[{][^=]*\\b${name}\\b[^=]*=`,
    ].some((pattern) => new RegExp(pattern).test(source));
  const hooks = reactApis.filter(
    (name) => new RegExp(`\\b${name}\\b`).test(source) && !isDeclared(name),
  );
  const components = [
    ...new Set([...source.matchAll(/<([A-Z][\w]*)[\s/>]/g)].map((match) => match[1])),
  ].filter((name) => isKnownComponent(name) && !isDeclared(name));
  const lines = [];
  if (hooks.length) lines.push(`import { ${hooks.join(", ")} } from "react";`);
  if (components.length)
    lines.push(`import { ${components.join(", ")} } from ${JSON.stringify(componentsModule)};`);
  // Keep the author's line numbers: prepend on the first line.
  return lines.length ? `${lines.join(" ")} ${source}` : source;
}

function lineOfText(filePath: string, text: string) {
  try {
    const index = fs.readFileSync(filePath, "utf8").indexOf(text);
    return index === -1
      ? undefined
      : fs.readFileSync(filePath, "utf8").slice(0, index).split("\n").length;
  } catch {
    return undefined;
  }
}
