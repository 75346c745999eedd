import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { getEnv } from "~/utils/env.server";
import { certificationChangesPage, certificationChangesQuery } from "./certification-schemas";
import {
  apiError,
  batchRequest,
  batchResponse,
  eligibility,
  eligibilityQuery,
} from "./eligibility-schemas";
import { handoffExport, handoffIdParam } from "./handoff-schemas";
import { registerVocabularyPath } from "./vocabulary-schemas";
import {
  webhook,
  webhookCreate,
  webhookDelivery,
  webhookIdParam,
  webhookList,
} from "./webhook-schemas";

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: apiError } },
});
const refusals = {
  400: errorResponse("The request is malformed; `error` says which field and why."),
  401: errorResponse("No live API token was sent."),
  403: errorResponse("The token lacks the scope this endpoint needs."),
};

function registry() {
  const r = new OpenAPIRegistry();
  const bearer = r.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API token an admin created (`npm run token:create`).",
  });
  const security = [{ [bearer.name]: ["eligibility:read"] }];
  const certificationsSecurity = [{ [bearer.name]: ["certifications:read"] }];
  r.registerPath({
    method: "get",
    path: "/api/v1/eligibility",
    summary: "May this rep pitch this product now?",
    description:
      "The verdict the app's own pages give: cleared when certified, or when a refresh is due and still within its grace period.",
    security,
    request: { query: eligibilityQuery },
    responses: {
      200: { description: "The verdict", content: { "application/json": { schema: eligibility } } },
      ...refusals,
      404: errorResponse("No rep has that email, or no product that slug."),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/eligibility/batch",
    summary: "Up to 1,000 checks in one call, answered in the same order",
    description:
      "For a whole opportunity list at once. A check naming an unknown rep or product does not fail the call: its result carries `error` instead of a verdict.",
    security,
    request: { body: { content: { "application/json": { schema: batchRequest } } } },
    responses: {
      200: {
        description: "One result per check; unknown reps or products carry `error`.",
        content: { "application/json": { schema: batchResponse } },
      },
      ...refusals,
      415: errorResponse("The body is not JSON."),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/certifications",
    summary: "Whose certification status changed since a moment, for a nightly reconcile",
    description: [
      "One item per rep and product whose status changed at or after `updatedSince` (or ever, without it), oldest change first.",
      "Each item is that rep's verdict on that product as it stands now, as `GET /api/v1/eligibility` gives it, with `updatedAt`: when the status last changed.",
      "Page with `cursor` until `nextCursor` is null; the next night, start from the largest `updatedAt` you saw (inclusive, so that item may come again).",
      "A rep whose status changes while you page moves to the end and comes again with the newer time, so no change is missed.",
      "When the product has been removed or the person is no longer a rep, the item stays in the feed with `eligible: false` and an `error` saying why, so a CRM can take the badge down rather than keep a stale one.",
    ].join(" "),
    security: certificationsSecurity,
    request: { query: certificationChangesQuery },
    responses: {
      200: {
        description: "One page of changes",
        content: { "application/json": { schema: certificationChangesPage } },
      },
      ...refusals,
    },
  });
  registerWebhookPaths(r, [{ [bearer.name]: ["webhooks:write"] }]);
  registerVocabularyPath({
    registry: r,
    security: [{ [bearer.name]: ["vocabulary:read"] }],
    refusals,
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/handoffs/{id}",
    summary: "One handoff to customer success, for the CRM's record of the deal",
    description:
      "What the rep promised, week by week, which friction points the customer was told of, the certification that cleared the rep, and every step since (who, when, what). Nothing is deleted: an edit supersedes a handoff, and both stay readable.",
    security: [{ [bearer.name]: ["handoffs:read"] }],
    request: { params: handoffIdParam },
    responses: {
      200: {
        description: "The handoff",
        content: { "application/json": { schema: handoffExport } },
      },
      ...refusals,
      404: errorResponse("No handoff has that id."),
    },
  });
  return r;
}

function registerWebhookPaths(r: OpenAPIRegistry, security: Record<string, string[]>[]) {
  const json = <T>(schema: T) => ({ content: { "application/json": { schema } } });
  r.registerPath({
    method: "get",
    path: "/api/v1/webhooks",
    summary: "The registered webhook endpoints",
    security,
    responses: {
      200: { description: "Every endpoint, without its secret", ...json(webhookList) },
      401: refusals[401],
      403: refusals[403],
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/webhooks",
    summary: "Register an endpoint for certification events",
    description:
      'Every delivery is a POST of `WebhookDelivery` signed in `Firsthand-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the secret>`. Recompute it over the raw body, compare in constant time and refuse a `t` more than 5 minutes from your clock. A failed delivery (no 2xx within 10 s) is retried with exponential backoff for three days; events for one rep arrive in order; de-duplicate on `id`.',
    security,
    request: { body: json(webhookCreate) },
    responses: {
      201: { description: "Registered", ...json(webhook) },
      ...refusals,
      415: errorResponse("The body is not JSON."),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/webhooks/{id}",
    summary: "One webhook endpoint",
    security,
    request: { params: webhookIdParam },
    responses: {
      200: { description: "The endpoint", ...json(webhook) },
      ...refusals,
      404: errorResponse("No webhook has that id."),
    },
  });
  r.registerPath({
    method: "delete",
    path: "/api/v1/webhooks/{id}",
    summary: "Delete an endpoint; deliveries still queued for it are dropped",
    security,
    request: { params: webhookIdParam },
    responses: {
      204: { description: "Deleted" },
      ...refusals,
      404: errorResponse("No webhook has that id."),
    },
  });
  // The generator collects components before it walks `webhooks`, so a schema only a webhook
  // uses must be registered by hand or its $ref dangles.
  r.register("WebhookDelivery", webhookDelivery);
  r.registerWebhook({
    method: "post",
    path: "certification-event",
    summary: "A rep's certification changed (issued, refresh_due, lapsed, expired, restored)",
    request: { body: json(webhookDelivery) },
    responses: { 200: { description: "Any 2xx acknowledges the event." } },
  });
}

/** The OpenAPI 3.1 document, generated from the schemas that validate the requests. */
export function openApiDocument() {
  return new OpenApiGeneratorV31(registry().definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Firsthand API",
      version: "1",
      description: "Who may pitch what, for CRMs and other tools in the flow of work.",
    },
    servers: [{ url: getEnv().APP_URL }],
  });
}
