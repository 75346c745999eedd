import type { ActionFunctionArgs } from "@remix-run/node";
import { vocabularyCheckRequest } from "~/api/vocabulary-schemas";
import { getProduct } from "~/content/content.server";
import { apiError, handleApiRequest, parseOrThrow, readJson } from "~/utils/api.server";
import { checkVocabulary } from "~/vocabulary/check-vocabulary.server";

export function loader() {
  return apiError(405, 'POST a JSON body { "text": "…" }.');
}

/** POST /api/v1/vocabulary/check: the marketing phrases in a text, with the product terms to say instead. */
export function action({ request }: ActionFunctionArgs) {
  return handleApiRequest({
    request,
    scope: "vocabulary:read",
    handle: async () => {
      const { text, product } = parseOrThrow(vocabularyCheckRequest, await readJson(request));
      if (product && !(await getProduct({ productSlug: product })))
        return apiError(404, "No product has that slug.");
      const found = await checkVocabulary({ text, productSlug: product });
      const matches = found.map((m) => ({
        phrase: m.phrase,
        term: m.term,
        definition: m.definition,
        product: m.product.slug,
        module: m.module,
        week: m.week,
        start: m.start,
        end: m.end,
      }));
      return Response.json({ matches });
    },
  });
}
