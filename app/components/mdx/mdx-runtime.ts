import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "./mdx-components";

/** The global compiled modules read the component map from (see `firsthand:mdx-components` in the compiler). */
export const componentsGlobal = "FirsthandMdxComponents";

/**
 * Defense in depth behind the compiler's guard, not a sandbox: module code sees these names as undefined
 * instead of the server's, and strict mode keeps `this` in a plain call from being the global object.
 */
const shadowedGlobals = {
  process: undefined,
  require: undefined,
  module: undefined,
  exports: undefined,
  global: undefined,
  globalThis: undefined,
};

export function getModuleComponent(code: string) {
  return getMDXComponent(`"use strict";\n${code}`, {
    ...shadowedGlobals,
    [componentsGlobal]: mdxComponents,
  });
}
