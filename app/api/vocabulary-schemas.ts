import {
  extendZodWithOpenApi,
  type OpenAPIRegistry,
  type ResponseConfig,
} from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { maxCheckedTextLength } from "~/vocabulary/find-vocabulary";
import { apiError, productSlug } from "./eligibility-schemas";

extendZodWithOpenApi(z);

export const vocabularyCheckRequest = z
  .object({
    text: z
      .string()
      .min(1, "must not be empty")
      .max(maxCheckedTextLength, "may be at most 20,000 characters")
      .openapi({ example: "Our platform streamlines your processes with a seamless integration." }),
    product: productSlug
      .optional()
      .describe("Check against this product's glossary only; every product's by default."),
  })
  .strict()
  .openapi("VocabularyCheckRequest");

export const vocabularyMatch = z
  .object({
    phrase: z.string().describe("The marketing phrase as the glossary lists it."),
    term: z.string().describe("The product's own words that replace it."),
    definition: z.string(),
    product: z.string().describe("The product's slug."),
    module: z
      .object({ slug: z.string(), title: z.string() })
      .describe("The module where the customer meets the term."),
    week: z.number().int().nullable().describe("The week of that module, when it has one."),
    start: z
      .number()
      .int()
      .describe("Offset in `text` (UTF-16 code units) where the phrase as written starts."),
    end: z.number().int().describe("Offset just past it: `text.slice(start, end)`."),
  })
  .openapi("VocabularyMatch");

export const vocabularyCheckResponse = z
  .object({
    matches: z
      .array(vocabularyMatch)
      .describe(
        "In text order. A phrase two products list is answered once per product at the same offsets.",
      ),
  })
  .openapi("VocabularyCheckResponse");

export function registerVocabularyPath({
  registry,
  security,
  refusals,
}: {
  registry: OpenAPIRegistry;
  security: Record<string, string[]>[];
  refusals: Record<400 | 401 | 403, ResponseConfig>;
}) {
  const json = <T>(schema: T) => ({ content: { "application/json": { schema } } });
  registry.registerPath({
    method: "post",
    path: "/api/v1/vocabulary/check",
    summary: "Find marketing phrases in a text, with the product terms that replace them",
    description:
      "Case-insensitive, across punctuation and spacing between words, with plurals and simple inflections; never inside another word. Where phrases overlap the longest wins.",
    security,
    request: { body: json(vocabularyCheckRequest) },
    responses: {
      200: { description: "Every phrase found", ...json(vocabularyCheckResponse) },
      ...refusals,
      404: { description: "No product has that slug.", ...json(apiError) },
      415: { description: "The body is not JSON.", ...json(apiError) },
    },
  });
}
