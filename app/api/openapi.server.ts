import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { getEnv } from "~/utils/env.server";
import {
  apiError,
  batchRequest,
  batchResponse,
  eligibility,
  eligibilityQuery,
} from "./eligibility-schemas";

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
  r.registerPath({
    method: "get",
    path: "/api/v1/eligibility",
    summary: "May this rep pitch this product now?",
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
  return r;
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
