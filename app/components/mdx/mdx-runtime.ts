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

type ModuleComponent = ReturnType<typeof getMDXComponent>;

// Evaluating a bundle costs more than rendering it, and the same few bundles serve every request.
const evaluated = new Map<string, ModuleComponent>();
const maxEvaluated = 500;

export function getModuleComponent(code: string): ModuleComponent {
  const cached = evaluated.get(code);
  if (cached) return cached;
  const component = getMDXComponent(`"use strict";\n${code}`, {
    ...shadowedGlobals,
    [componentsGlobal]: mdxComponents,
  });
  if (evaluated.size >= maxEvaluated) evaluated.delete(evaluated.keys().next().value!);
  evaluated.set(code, component);
  return component;
}
