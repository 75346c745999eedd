import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { decodeChangeCursor } from "./change-cursor";
import { eligibility } from "./eligibility-schemas";

// Called here, in the module that uses `.openapi()`: the package is side-effect free, so a
// separate setup module would be dropped from the build.
extendZodWithOpenApi(z);

export const maxChangesPerPage = 500;

const updatedSince = z
  .string()
  .datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2025-01-31T00:00:00Z" })
  .transform((value) => new Date(value))
  .openapi({
    param: {
      description:
        "Only changes at or after this moment (inclusive). Leave it out to read every status from the start.",
      example: "2025-01-31T00:00:00Z",
    },
  });

const cursor = z
  .string()
  .transform((value, ctx) => {
    const key = decodeChangeCursor(value);
    if (!key) {
      ctx.addIssue({ code: "custom", message: "is not a cursor this API gave out" });
      return z.NEVER;
    }
    return key;
  })
  .openapi({
    param: {
      description:
        "`nextCursor` from the previous page, sent with the same `updatedSince`. Opaque: do not build one.",
    },
  });

const limitMessage = `must be a whole number from 1 to ${maxChangesPerPage}`;
const limit = z.coerce
  .number({ invalid_type_error: limitMessage })
  .int(limitMessage)
  .min(1, limitMessage)
  .max(maxChangesPerPage, limitMessage)
  .default(100)
  .openapi({ param: { description: "Items per page.", example: 100 } });

export const certificationChangesQuery = z
  .object({ updatedSince: updatedSince.optional(), cursor: cursor.optional(), limit })
  .strict()
  .openapi("CertificationChangesQuery");

const updatedAt = z
  .string()
  .datetime()
  .describe("When this rep's status on this product last changed.");

export const certificationChange = eligibility.extend({ updatedAt }).openapi("CertificationChange");

export const certificationChangeUnanswerable = z
  .object({
    rep: z.string().describe("The rep's email."),
    product: z.string().describe("The product's slug."),
    eligible: z.literal(false),
    error: z.string().describe("Why there is no verdict: the product or the rep is gone."),
    updatedAt,
  })
  .openapi("CertificationChangeUnanswerable");

export const certificationChangesPage = z
  .object({
    data: z
      .array(z.union([certificationChange, certificationChangeUnanswerable]))
      .describe("Oldest change first; ties in order of rep and product."),
    nextCursor: z
      .string()
      .nullable()
      .describe("Pass as `cursor` for the next page; null when this page is the last."),
  })
  .openapi("CertificationChangesPage");
