import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "./mdx-components";

/** The global compiled modules read the component map from (see `firsthand:mdx-components` in the compiler). */
export const componentsGlobal = "FirsthandMdxComponents";

export function getModuleComponent(code: string) {
  return getMDXComponent(code, { [componentsGlobal]: mdxComponents });
}
