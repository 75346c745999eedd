import path from "node:path";
import { moduleSlugFromPath, stripExtension } from "./module-path";
import type { Diagnostic } from "./types";

/**
 * Applies product.yml's `modules:` list to the discovered files. Listed entries may be written with or
 * without order prefixes; a missing entry is an error at its line, an unlisted file a warning.
 */
export function orderModules({
  paths,
  listed,
  configFile,
  productDir,
}: {
  paths: string[];
  listed: { entry: string; line: number | undefined }[] | null;
  configFile: string | null;
  productDir: string;
}) {
  const diagnostics: Diagnostic[] = [];
  const bySlug = new Map<string, string>();
  const ordered: string[] = [];
  for (const modulePath of paths) {
    const slug = moduleSlugFromPath(modulePath);
    const taken = bySlug.get(slug);
    if (taken) {
      diagnostics.push({
        severity: "error",
        file: path.join(productDir, modulePath),
        line: 1,
        message: `Module slug "${slug}" is already used by ${taken}; this file is left out`,
      });
      continue;
    }
    bySlug.set(slug, modulePath);
    ordered.push(modulePath);
  }
  if (!listed || !configFile) return { paths: ordered, diagnostics };

  const chosen: string[] = [];
  for (const { entry, line } of listed) {
    const wanted = entry.replace(/^\.?\/+/, "").replace(/\/+$/, "");
    const match = ordered.find(
      (candidate) =>
        stripExtension(candidate) === wanted ||
        stripExtension(candidate) === `${wanted}/index` ||
        moduleSlugFromPath(candidate) === moduleSlugFromPath(`${wanted}.mdx`),
    );
    if (!match) {
      diagnostics.push({
        severity: "error",
        file: configFile,
        line,
        message: `Module "${entry}" listed in product.yml has no .mdx or .md file`,
      });
    } else if (!chosen.includes(match)) {
      chosen.push(match);
    }
  }
  for (const modulePath of ordered) {
    if (!chosen.includes(modulePath)) {
      diagnostics.push({
        severity: "warning",
        file: path.join(productDir, modulePath),
        message: "Not listed in product.yml `modules:`, so it is not part of the product",
      });
    }
  }
  return { paths: chosen, diagnostics };
}
