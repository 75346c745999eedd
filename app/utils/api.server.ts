import type { ZodTypeAny, z } from "zod";
import type { ApiScope } from "#db/schema";
import { getApiToken, recordApiUse, tokenScopes } from "~/models/api-token.server";
import { maxBodyBytes, readBodyWithin } from "./request-body.server";

export function apiError(status: number, error: string, headers?: Record<string, string>) {
  return Response.json({ error }, { status, headers });
}

/** The first problem of a failed parse, naming the field, as one sentence for a 400. */
export function describeIssue(error: z.ZodError) {
  const issue = error.issues[0];
  const field = issue.path.join(".");
  if (issue.code === "unrecognized_keys") return `Unknown field: ${issue.keys.join(", ")}.`;
  return field ? `\`${field}\` ${issue.message}.` : `${issue.message}.`;
}

export function parseOrThrow<T extends ZodTypeAny>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw apiError(400, describeIssue(parsed.error));
  return parsed.data;
}

/** The JSON body, or a thrown 400/415 that says what is wrong with it. */
export async function readJson(request: Request): Promise<unknown> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw apiError(415, "Send a JSON body with Content-Type: application/json.");
  }
  const body = await readBodyWithin(request);
  if (body === "too large") {
    throw apiError(
      413,
      `The body is larger than ${maxBodyBytes / 1024 / 1024} MB; send less at once.`,
    );
  }
  if (body === "unreadable") throw apiError(400, "The body stopped arriving; send it again.");
  try {
    return JSON.parse(new TextDecoder().decode(body)) as unknown;
  } catch {
    throw apiError(400, "The body is not valid JSON.");
  }
}

/**
 * Runs an API request for a bearer token holding `scope`: 401 without a live token, 403 without the
 * scope. Every call made with a token is recorded with the status it got.
 */
export async function handleApiRequest({
  request,
  scope,
  handle,
}: {
  request: Request;
  scope: ApiScope;
  handle: () => Promise<Response> | Response;
}): Promise<Response> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  const token = bearer ? getApiToken({ token: bearer }) : null;
  if (!token) {
    return apiError(401, "Send a live API token as `Authorization: Bearer <token>`.", {
      "WWW-Authenticate": 'Bearer realm="firsthand"',
    });
  }
  let response: Response;
  if (!tokenScopes(token).includes(scope)) {
    response = apiError(403, `This token lacks the \`${scope}\` scope.`);
  } else {
    try {
      response = await handle();
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      response = thrown;
    }
  }
  recordApiUse({
    tokenId: token.id,
    at: new Date(),
    method: request.method,
    endpoint: new URL(request.url).pathname,
    status: response.status,
  });
  return response;
}
