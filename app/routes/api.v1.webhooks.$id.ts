import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { webhookIdParam } from "~/api/webhook-schemas";
import { deleteWebhook, getWebhook, publicWebhook } from "~/models/webhook.server";
import { apiError, handleApiRequest, parseOrThrow } from "~/utils/api.server";

const notFound = () => apiError(404, "No webhook has that id.");

/** GET /api/v1/webhooks/:id */
export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApiRequest({
    request,
    scope: "webhooks:write",
    handle: () => {
      const { id } = parseOrThrow(webhookIdParam, params);
      const webhook = getWebhook({ id });
      return webhook ? Response.json(publicWebhook(webhook)) : notFound();
    },
  });
}

/** DELETE /api/v1/webhooks/:id: stops deliveries to it, queued ones included. */
export function action({ request, params }: ActionFunctionArgs) {
  return handleApiRequest({
    request,
    scope: "webhooks:write",
    handle: () => {
      if (request.method !== "DELETE") return apiError(405, "GET or DELETE here.");
      const { id } = parseOrThrow(webhookIdParam, params);
      return deleteWebhook({ id }) ? new Response(null, { status: 204 }) : notFound();
    },
  });
}
