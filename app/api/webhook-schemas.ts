import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { webhookEvents } from "#db/schema";
import { eligibility } from "./eligibility-schemas";

// See eligibility-schemas.ts for why this is called in each schema module.
extendZodWithOpenApi(z);

const parseUrl = (value: string) => (URL.canParse(value) ? new URL(value) : null);

export const webhookUrl = z
  .string()
  .trim()
  .max(2000, "must be at most 2,000 characters")
  .url("must be a URL")
  // Refinements run even after `.url()` failed, so each parses defensively.
  .refine(
    (value) => /^https?:$/.test(parseUrl(value)?.protocol ?? "http:"),
    "must be an http(s) URL",
  )
  .refine((value) => !parseUrl(value)?.username, "must not carry a user name or password")
  .openapi({ example: "https://crm.example.com/hooks/firsthand" });

export const webhookCreate = z
  .object({
    url: webhookUrl,
    secret: z
      .string()
      .min(16, "must be at least 16 characters")
      .max(200, "must be at most 200 characters")
      .describe("Signs every delivery (see `Firsthand-Signature`). Keep it private.")
      .openapi({ example: "whsec_4f0c2a9b7e1d3c5a8b6e2f1d" }),
    events: z
      .array(z.enum(webhookEvents))
      .min(1, "must name at least one event")
      .describe("The events to receive."),
  })
  .strict()
  .openapi("WebhookCreate");

export const webhook = z
  .object({
    id: z.string().openapi({ example: "wh_7x2k4m9q3d8f5h6j" }),
    url: z.string().url(),
    events: z.array(z.enum(webhookEvents)),
    createdAt: z.string().datetime(),
  })
  .openapi("Webhook");

export const webhookList = z.object({ data: z.array(webhook) }).openapi("WebhookList");

export const webhookIdParam = z
  .object({ id: z.string().regex(/^wh_[a-z2-7]+$/, "must be a webhook id (wh_…)") })
  .openapi("WebhookIdParam");

/** What every delivery's body holds; `data` is the rep's verdict after the change. */
export const webhookDelivery = z
  .object({
    id: z.string().describe("The event id; de-duplicate on it (a redelivery repeats it)."),
    type: z.enum(webhookEvents),
    createdAt: z.string().datetime(),
    data: eligibility.extend({
      productName: z.string(),
      previousStatus: z.string().nullable(),
      certificationId: z.string().nullable(),
      refreshDeadline: z.string().datetime().nullable(),
    }),
  })
  .openapi("WebhookDelivery");
