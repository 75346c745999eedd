import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { productConfigs } from "#db/schema";
import type { Db } from "~/utils/db.server";
import { formatDate } from "~/utils/dates";
import { sha256 } from "./build-module.server";
import { readProductConfig, type ProductConfig } from "./product-config.server";

type StoredConfig = Pick<ProductConfig, "name" | "summary" | "modules" | "policy">;

/**
 * product.yml as it counts: when an edit breaks it, the last version that validated stays in use
 * (as a module keeps its last good compile), so a typo cannot change who passes or how often
 * they may try.
 */
export function readProductConfigKeepingLastGood({
  db,
  productSlug,
  productDir,
}: {
  db: Db;
  productSlug: string;
  productDir: string;
}): ProductConfig {
  const config = readProductConfig({ productDir });
  if (!config.configFile) return config;
  const broken = config.diagnostics.some((d) => d.severity === "error");
  if (!broken) {
    saveGoodConfig({ db, productSlug, config });
    return config;
  }
  const lastGood = db
    .select()
    .from(productConfigs)
    .where(eq(productConfigs.productSlug, productSlug))
    .get();
  if (!lastGood) return config;
  const stored: StoredConfig = JSON.parse(lastGood.config);
  return {
    ...config,
    ...stored,
    diagnostics: [
      ...config.diagnostics,
      {
        severity: "error",
        file: config.configFile,
        message: `product.yml has errors, so its last good version (from ${formatDate(lastGood.updatedAt)}) stays in use until they are fixed`,
      },
    ],
  };
}

function saveGoodConfig({
  db,
  productSlug,
  config,
}: {
  db: Db;
  productSlug: string;
  config: ProductConfig;
}) {
  const stored: StoredConfig = {
    name: config.name,
    summary: config.summary,
    modules: config.modules,
    policy: config.policy,
  };
  const sourceHash = sha256(fs.readFileSync(config.configFile!));
  const values = { productSlug, config: JSON.stringify(stored), sourceHash, updatedAt: new Date() };
  db.insert(productConfigs)
    .values(values)
    .onConflictDoUpdate({
      target: productConfigs.productSlug,
      set: values,
      setWhere: sql`${productConfigs.sourceHash} <> ${sourceHash}`,
    })
    .run();
}
