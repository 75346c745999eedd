import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { CertificationPolicy, Diagnostic } from "./types";
import { humanizeName } from "./module-path";
import { parseYamlSource } from "./yaml-source";

const certificationSchema = z
  .object({
    /** Share of quiz answers a rep must get right, 0–1. */
    passMark: z.number().min(0).max(1).default(0.8),
    /** Days a certification stays valid. */
    validDays: z.number().int().positive().default(365),
    /** Days before expiry when a refresh is offered. */
    refreshGraceDays: z.number().int().min(0).default(14),
    /** Quiz submissions allowed per rep per day. */
    maxAttemptsPerDay: z.number().int().positive().default(3),
  })
  .default({});

export const productConfigSchema = z
  .object({
    name: z.string().min(1),
    summary: z.string(),
    /** Module paths relative to the product folder, without extension, in journey order. */
    modules: z.array(z.string().min(1)).optional(),
    certification: certificationSchema,
  })
  .passthrough();

export const defaultPolicy: CertificationPolicy = certificationSchema.parse(undefined);

export type ProductConfig = {
  name: string;
  summary: string;
  modules: { entry: string; line: number | undefined }[] | null;
  policy: CertificationPolicy;
  configFile: string | null;
  diagnostics: Diagnostic[];
};

/** Reads product.yml; a folder without one is still a product, named after the folder. */
export function readProductConfig({ productDir }: { productDir: string }): ProductConfig {
  const folderName = path.basename(productDir);
  const fallback = {
    name: humanizeName(folderName),
    summary: "",
    modules: null,
    policy: defaultPolicy,
  };
  const file = path.join(productDir, "product.yml");
  if (!fs.existsSync(file)) {
    return {
      ...fallback,
      configFile: null,
      diagnostics: [
        {
          severity: "warning",
          file: productDir,
          message: `No product.yml: using the folder name "${fallback.name}", file order and default certification policy`,
        },
      ],
    };
  }

  const yaml = parseYamlSource({ text: fs.readFileSync(file, "utf8") });
  const diagnostics: Diagnostic[] = yaml.errors.map((error) => ({
    severity: "error",
    file,
    line: error.line,
    column: error.column,
    message: `product.yml is not valid YAML: ${error.message}`,
  }));
  if (diagnostics.length) return { ...fallback, configFile: file, diagnostics };

  const raw: unknown = yaml.doc.toJS() ?? {};
  const record: Record<string, unknown> =
    raw && typeof raw === "object" && !Array.isArray(raw) ? { ...raw } : {};
  // Each field is read on its own so one mistake does not throw away the rest of the file.
  function field<T>(key: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, fallbackValue: T): T {
    const result = schema.safeParse(record[key]);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const issuePath = [key, ...issue.path];
      diagnostics.push({
        severity: "error",
        file,
        line: yaml.lineOf(issuePath) ?? 1,
        message: `product.yml \`${issuePath.join(".")}\`: ${issue.message}`,
      });
    }
    return fallbackValue;
  }
  const shape = productConfigSchema.shape;
  const modules = field("modules", shape.modules, undefined);
  return {
    name: field("name", shape.name, fallback.name),
    summary: field("summary", shape.summary, fallback.summary),
    modules: modules
      ? modules.map((entry, index) => ({ entry, line: yaml.lineOf(["modules", index]) }))
      : null,
    policy: field("certification", shape.certification, defaultPolicy),
    configFile: file,
    diagnostics,
  };
}
