import { z } from "zod";
import { getEnv } from "~/utils/env.server";
import type {
  DeliveryPlan,
  DeliveryPlanner,
  DeliverySender,
  OutboxEvent,
  SendResult,
} from "./events";
import { statementForEvent, xapiVersion } from "./xapi-statements";

/** The LRS's statements resource: `<endpoint>/statements`, whether or not the endpoint ends in `/`. */
export function statementsResource(endpoint: string) {
  return `${endpoint.replace(/\/+$/, "")}/statements`;
}

export function planXapiDeliveries({
  event,
  endpoint,
  appUrl,
}: {
  event: OutboxEvent;
  endpoint: string | undefined;
  appUrl: string;
}): DeliveryPlan[] {
  if (!endpoint) return [];
  const statement = statementForEvent({ event, appUrl });
  if (!statement) return [];
  return [
    { channel: "xapi", target: statementsResource(endpoint), payload: JSON.stringify(statement) },
  ];
}

/** xAPI is off until `XAPI_ENDPOINT` names an LRS. */
export const planXapi: DeliveryPlanner = (event) => {
  const env = getEnv();
  return planXapiDeliveries({ event, endpoint: env.XAPI_ENDPOINT, appUrl: env.APP_URL });
};

const plannedStatement = z.object({ id: z.string().uuid() }).passthrough();

function describeFailure(error: unknown, timeoutMs: number) {
  if (error instanceof Error && error.name === "TimeoutError") {
    return `the LRS did not answer within ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = cause instanceof Error && "code" in cause ? String(cause.code) : null;
  return `could not reach the LRS: ${code ?? (cause instanceof Error ? cause.message : String(cause))}`;
}

async function shortBody(response: Response) {
  const text = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * PUTs one statement under its own id, so sending it twice can never store it twice. Reports the
 * LRS's answer; never throws.
 */
export async function putStatement({
  target,
  payload,
  username,
  password,
  timeoutMs = 10_000,
}: {
  target: string;
  payload: string;
  username: string;
  password: string;
  timeoutMs?: number;
}): Promise<SendResult> {
  let statementId: string;
  try {
    statementId = plannedStatement.parse(JSON.parse(payload)).id;
  } catch {
    return { ok: false, error: "the delivery does not hold an xAPI statement with an id" };
  }
  const url = new URL(target);
  url.searchParams.set("statementId", statementId);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Experience-API-Version": xapiVersion,
  };
  if (username || password) {
    headers.Authorization = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  }
  try {
    const response = await fetch(url, {
      method: "PUT",
      headers,
      body: payload,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const { status } = response;
    const body = await shortBody(response);
    if (status === 200 || status === 204) return { ok: true, status };
    // The LRS already holds a statement under this id, and xAPI forbids it to change a stored
    // statement. Our ids come from the event id, so it is this event's statement, stored by an
    // earlier attempt whose answer we lost: sending again could never succeed, only repeat.
    if (status === 409) return { ok: true, status };
    const reason = `the LRS answered ${status}${response.statusText ? ` ${response.statusText}` : ""}`;
    return { ok: false, status, error: body ? `${reason}: ${body}` : reason };
  } catch (error) {
    return { ok: false, error: describeFailure(error, timeoutMs) };
  }
}

export const sendXapi: DeliverySender = ({ target, payload }) => {
  const env = getEnv();
  return putStatement({
    target,
    payload,
    username: env.XAPI_USERNAME,
    password: env.XAPI_PASSWORD,
  });
};
