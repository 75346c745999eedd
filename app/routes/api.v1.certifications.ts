import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificationChangesQuery } from "~/api/certification-schemas";
import { encodeChangeCursor } from "~/api/change-cursor";
import { listCertificationChanges } from "~/models/certification-changes.server";
import { answerEligibility } from "~/models/eligibility-api.server";
import { handleApiRequest, parseOrThrow } from "~/utils/api.server";

/** GET /api/v1/certifications?updatedSince=&cursor=&limit=: whose status changed, with today's verdict. */
export function loader({ request }: LoaderFunctionArgs) {
  return handleApiRequest({
    request,
    scope: "certifications:read",
    handle: async () => {
      const query = parseOrThrow(
        certificationChangesQuery,
        Object.fromEntries(new URL(request.url).searchParams),
      );
      const { rows, next } = listCertificationChanges({
        updatedSince: query.updatedSince,
        after: query.cursor,
        limit: query.limit,
      });
      const data = [];
      for (const row of rows) {
        const answer = await answerEligibility({ rep: row.email, product: row.productSlug });
        const updatedAt = row.changedAt.toISOString();
        data.push(
          "error" in answer ? { ...answer, eligible: false, updatedAt } : { ...answer, updatedAt },
        );
      }
      return Response.json({ data, nextCursor: next ? encodeChangeCursor(next) : null });
    },
  });
}
