import fs from "node:fs";
import path from "node:path";
import { contentRootFor, discoverModulePaths, listProductDirs } from "./discover.server";
import { readModuleFrontmatter } from "./module-frontmatter";
import { orderModules } from "./module-order";
import { moduleSlugFromPath } from "./module-path";
import { moduleTitle } from "./module-title";
import { readProductConfig } from "./product-config.server";
import type { CertificationPolicy, Diagnostic } from "./types";

export type FolderModule = {
  slug: string;
  path: string;
  title: string;
  /** null when the frontmatter cannot be read: such an edit does not go live. */
  revision: number | null;
};

export type FolderProduct = {
  slug: string;
  name: string;
  dir: string;
  /** null when product.yml has errors: the live policy stays in force. */
  policy: CertificationPolicy | null;
  modules: FolderModule[];
  problems: Diagnostic[];
};

/**
 * Each module's revision as a content folder states it, read from frontmatter without compiling and
 * without a database: what would go live if this folder were served.
 */
export function readFolderRevisions({
  dir,
  productSlug,
}: {
  dir: string;
  productSlug?: string;
}): FolderProduct[] {
  return listProductDirs(contentRootFor(dir))
    .filter((product) => !productSlug || product.slug === productSlug)
    .map((product) => readProductFolder(product));
}

/** One product folder, as readFolderRevisions reads each. */
export function readProductFolder({ slug, dir }: { slug: string; dir: string }): FolderProduct {
  const config = readProductConfig({ productDir: dir });
  const order = orderModules({
    paths: discoverModulePaths(dir),
    listed: config.modules,
    configFile: config.configFile,
    productDir: dir,
  });
  const problems: Diagnostic[] = [];
  const modules = order.paths.map((relativePath) => {
    const file = path.join(dir, relativePath);
    const source = fs.readFileSync(file, "utf8");
    const frontmatter = readModuleFrontmatter({ source, file });
    const unreadable = frontmatter.fatal || frontmatter.invalidKeys.includes("revision");
    if (unreadable) problems.push(...frontmatter.diagnostics.filter((d) => d.severity === "error"));
    return {
      slug: moduleSlugFromPath(relativePath),
      path: relativePath,
      title: moduleTitle({
        frontmatterTitle: frontmatter.data.title,
        source,
        fileName: path.basename(relativePath),
      }),
      revision: unreadable ? null : (frontmatter.data.revision ?? 1),
    };
  });
  const configBroken = config.diagnostics.some((d) => d.severity === "error");
  return {
    slug,
    name: config.name,
    dir,
    policy: configBroken ? null : config.policy,
    modules,
    problems: [...problems, ...config.diagnostics.filter((d) => d.severity === "error")],
  };
}
