import path from "node:path";
import type { Db } from "~/utils/db.server";
import { buildModule, type BuiltModule } from "./build-module.server";
import { discoverModulePaths } from "./discover.server";
import { readGlossary } from "./glossary.server";
import { orderModules } from "./module-order";
import { readProductConfigKeepingLastGood } from "./product-config-store.server";
import type { Diagnostic, Product } from "./types";

export type BuiltProduct = Product & { built: BuiltModule[] };

export type CompileProgress = { index: number; total: number; file: string; cached: boolean };

/** The module files of a product, in journey order, with the product's own diagnostics. */
export function planProduct({ db, slug, dir }: { db: Db; slug: string; dir: string }) {
  const config = readProductConfigKeepingLastGood({ db, productSlug: slug, productDir: dir });
  const order = orderModules({
    paths: discoverModulePaths(dir),
    listed: config.modules,
    configFile: config.configFile,
    productDir: dir,
  });
  return { config, paths: order.paths, diagnostics: [...config.diagnostics, ...order.diagnostics] };
}

export async function buildProduct({
  db,
  slug,
  dir,
  plan,
  onModule,
}: {
  db: Db;
  slug: string;
  dir: string;
  plan: ReturnType<typeof planProduct>;
  onModule?: (event: { file: string; cached: boolean }) => void;
}): Promise<BuiltProduct> {
  const built: BuiltModule[] = [];
  for (const relativePath of plan.paths) {
    built.push(
      await buildModule({
        db,
        productSlug: slug,
        productDir: dir,
        relativePath,
        onCompile: ({ cached }) => onModule?.({ file: path.join(dir, relativePath), cached }),
      }),
    );
  }
  const modules = built.map((module) => module.summary);
  const glossary = readGlossary({
    productDir: dir,
    modules,
    quizKeys: built.flatMap((module) => module.served?.quizKeys ?? []),
  });
  return {
    slug,
    name: plan.config.name,
    summary: plan.config.summary,
    dir,
    policy: plan.config.policy,
    modules,
    glossary: glossary.terms,
    diagnostics: [
      ...plan.diagnostics,
      ...duplicateQuizIds({ built, dir }),
      ...glossary.diagnostics,
    ],
    built,
  };
}

/** Quiz ids are how answers are graded and recorded, so they must be unique across a whole product. */
function duplicateQuizIds({ built, dir }: { built: BuiltModule[]; dir: string }) {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const module of built) {
    for (const key of module.served?.quizKeys ?? []) {
      if (!key.id) continue;
      const first = seen.get(key.id);
      if (first === undefined) {
        seen.set(key.id, module.summary.path);
      } else if (first !== module.summary.path) {
        diagnostics.push({
          severity: "error",
          file: path.join(dir, module.summary.path),
          line: key.line,
          message: `Quiz id "${key.id}" is already used in ${first}; quiz ids must be unique within a product`,
        });
      }
    }
  }
  return diagnostics;
}
