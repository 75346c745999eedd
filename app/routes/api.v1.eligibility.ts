import type { LoaderFunctionArgs } from "@remix-run/node";
import { eligibilityQuery } from "~/api/eligibility-schemas";
import { answerEligibility } from "~/models/eligibility-api.server";
import { apiError, handleApiRequest, parseOrThrow } from "~/utils/api.server";

/** GET /api/v1/eligibility?rep=<email>&product=<slug>: may this rep pitch this product now? */
export function loader({ request }: LoaderFunctionArgs) {
  return handleApiRequest({
    request,
    scope: "eligibility:read",
    handle: async () => {
      const query = parseOrThrow(
        eligibilityQuery,
        Object.fromEntries(new URL(request.url).searchParams),
      );
      const answer = await answerEligibility(query);
      return "error" in answer ? apiError(404, answer.error) : Response.json(answer);
    },
  });
}
