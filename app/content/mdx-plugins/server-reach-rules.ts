import { builtinModules } from "node:module";
import { isFrameworkModule, runtimeModules } from "./framework-imports";

/** Globals that hand content the server: its environment, its files, a way to load modules or run strings as code. */
export const forbiddenGlobals = new Set([
  "process",
  "require",
  "module",
  "exports",
  "global",
  "globalThis",
  "eval",
  "Function",
  "__dirname",
  "__filename",
]);

/** Properties that walk from any value to the Function constructor or to the engine's internals. */
export const forbiddenProperties = new Set([
  "constructor",
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "getPrototypeOf",
  "caller",
  "callee",
  "prepareStackTrace",
]);

/** Properties that show the server's files and code to readers. */
export const revealingProperties = new Set(["stack"]);

const builtins = new Set(builtinModules.map((name) => name.split("/")[0]));

/** Docusaurus's alias for the site's own source; it is never loaded, only shown as placeholders. */
const siteAlias = /^@site\//;

/** Why content may not import `source`, or null when the pipeline maps or stubs it safely. */
export function forbiddenImportReason(source: string): string | null {
  if (runtimeModules.has(source) || isFrameworkModule(source) || siteAlias.test(source))
    return null;
  // Relative and product-rooted paths stay inside the product folder.
  if (/^\.{0,2}\//.test(source)) return null;
  const root = source.replace(/^node:/, "").split(/[/?]/)[0];
  if (source.startsWith("node:") || builtins.has(root)) {
    return `Imports the Node built-in "${source}", which reaches the server's files and processes`;
  }
  // Bundler loader syntax (`!!raw-loader!./x`, `./x?raw`) is never run: it becomes a placeholder.
  if (source.startsWith("!") || source.includes("?")) return null;
  return `Imports the package "${source}"; content may import React, docs-framework modules and files in its product, nothing else`;
}
