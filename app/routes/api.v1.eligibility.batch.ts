import type { ActionFunctionArgs } from "@remix-run/node";
import { batchRequest } from "~/api/eligibility-schemas";
import { answerEligibilities } from "~/models/eligibility-api.server";
import { apiError, handleApiRequest, parseOrThrow, readJson } from "~/utils/api.server";

export function loader() {
  return apiError(405, "POST a JSON body { checks: [{ rep, product }, …] }.");
}

/** POST /api/v1/eligibility/batch: a whole opportunity list in one call, answered in order. */
export function action({ request }: ActionFunctionArgs) {
  return handleApiRequest({
    request,
    scope: "eligibility:read",
    handle: async () => {
      const { checks } = parseOrThrow(batchRequest, await readJson(request));
      return Response.json({ results: await answerEligibilities(checks) });
    },
  });
}
