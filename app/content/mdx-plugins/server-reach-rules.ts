import { builtinModules } from "node:module";
import { componentsGlobal, isFrameworkModule, runtimeModules } from "./framework-imports";

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

/** React's private internals: changing them changes how every page on the server renders. */
export function isInternalsProperty(name: string) {
  return /^__\w*INTERNALS/.test(name);
}

/**
 * Names the compiled code is evaluated with (see `mdx-runtime.ts`) besides the globals: the same objects
 * for every request, so content must not change them.
 */
export const runtimeScopeNames = new Set([
  "React",
  "ReactDOM",
  "_jsx_runtime",
  componentsGlobal,
  "props",
]);

/** Properties that show the server's files and code to readers. */
export const revealingProperties = new Set(["stack"]);

const builtins = new Set(builtinModules.map((name) => name.split("/")[0]));

/**
 * Why content may not import `source`, or null when the pipeline maps it or safely stubs it. Other
 * packages, `@site/…` and bundler loader syntax never load their code: they become placeholders with a
 * warning. A Node built-in is an error, since a page importing one means to reach the server.
 */
export function forbiddenImportReason(source: string): string | null {
  if (runtimeModules.has(source) || isFrameworkModule(source)) return null;
  const root = source.replace(/^node:/, "").split(/[/?]/)[0];
  if (source.startsWith("node:") || builtins.has(root)) {
    return `Imports the Node built-in "${source}", which reaches the server's files and processes`;
  }
  return null;
}
