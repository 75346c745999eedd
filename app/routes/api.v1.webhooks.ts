import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { webhookCreate } from "~/api/webhook-schemas";
import { createWebhook, listWebhooks, publicWebhook } from "~/models/webhook.server";
import { apiError, handleApiRequest, parseOrThrow, readJson } from "~/utils/api.server";

/** GET /api/v1/webhooks: the registered endpoints, without their secrets. */
export function loader({ request }: LoaderFunctionArgs) {
  return handleApiRequest({
    request,
    scope: "webhooks:write",
    handle: () => Response.json({ data: listWebhooks().map(publicWebhook) }),
  });
}

/** POST /api/v1/webhooks `{ url, secret, events }`: registers an endpoint. */
export function action({ request }: ActionFunctionArgs) {
  return handleApiRequest({
    request,
    scope: "webhooks:write",
    handle: async () => {
      if (request.method !== "POST") return apiError(405, "GET or POST here.");
      const input = parseOrThrow(webhookCreate, await readJson(request));
      return Response.json(publicWebhook(createWebhook(input)), { status: 201 });
    },
  });
}
