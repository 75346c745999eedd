import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { certificationStatuses } from "~/models/certification-status";

// Called here, in the module that uses `.openapi()`: the package is side-effect free, so a
// separate setup module would be dropped from the build.
extendZodWithOpenApi(z);

export const repEmail = z
  .string()
  .trim()
  .max(254)
  .email("must be an email address")
  .openapi({ example: "ada.lovelace@example.com" });
export const productSlug = z
  .string()
  .max(200)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be a product slug (lower-case letters, digits, dashes)")
  .openapi({ example: "ledgerflow" });

export const eligibilityQuery = z
  .object({
    rep: repEmail.openapi({ param: { description: "The rep's email, as they sign in with it." } }),
    product: productSlug.openapi({ param: { description: "The product's slug, as in its URL." } }),
  })
  .strict()
  .openapi("EligibilityQuery");

const moduleRef = z.object({ slug: z.string(), title: z.string() });

export const eligibility = z
  .object({
    rep: z.string().describe("The rep's email."),
    product: z.string().describe("The product's slug."),
    eligible: z
      .boolean()
      .describe("Cleared to pitch: certified, or a refresh due within its grace."),
    status: z.enum(certificationStatuses),
    certifiedAt: z.string().datetime().nullable(),
    expiresAt: z.string().datetime().nullable(),
    refreshDueModules: z.array(moduleRef.extend({ dueSince: z.string().datetime() })),
    missingModules: z.array(moduleRef),
    reasons: z.array(z.string()).describe("Plain sentences, as the app shows them."),
    verifyUrl: z.string().url().nullable().describe("Public page proving the certification."),
  })
  .openapi("Eligibility");

export const batchRequest = z
  .object({
    checks: z
      .array(z.object({ rep: repEmail, product: productSlug }).strict())
      .min(1, "must hold at least one check")
      .max(1000, "may hold at most 1,000 checks"),
  })
  .strict()
  .openapi("EligibilityBatchRequest");

export const batchResult = z
  .union([
    eligibility,
    z
      .object({
        rep: z.string(),
        product: z.string(),
        error: z.string().describe("Why there is no verdict: no such rep, or no such product."),
      })
      .openapi("EligibilityNotFound"),
  ])
  .openapi("EligibilityBatchResult");

export const batchResponse = z
  .object({ results: z.array(batchResult).describe("In the order of `checks`.") })
  .openapi("EligibilityBatchResponse");

export const apiError = z
  .object({ error: z.string().describe("One sentence saying what is wrong.") })
  .openapi("Error");
