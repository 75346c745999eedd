import type { LoaderFunctionArgs } from "@remix-run/node";
import { handoffIdParam } from "~/api/handoff-schemas";
import { getProduct } from "~/content/content.server";
import { exportHandoff } from "~/models/handoff-export";
import { getHandoffDetail, getSuccessor } from "~/models/handoff.server";
import { apiError, handleApiRequest, parseOrThrow } from "~/utils/api.server";
import { getEnv } from "~/utils/env.server";

/** GET /api/v1/handoffs/:id: one handoff, for the CRM's record of the deal. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApiRequest({
    request,
    scope: "handoffs:read",
    handle: async () => {
      const { id } = parseOrThrow(handoffIdParam, params);
      const detail = getHandoffDetail({ id });
      if (!detail) return apiError(404, "No handoff has that id.");
      const product = await getProduct({ productSlug: detail.handoff.productSlug });
      return Response.json(
        exportHandoff({
          detail,
          productName: product?.name ?? detail.handoff.productSlug,
          supersededBy: getSuccessor({ id })?.id ?? null,
          appUrl: getEnv().APP_URL,
        }),
      );
    },
  });
}
