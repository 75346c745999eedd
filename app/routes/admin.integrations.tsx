import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { isNotNull } from "drizzle-orm";
import { z } from "zod";
import { deliveryChannels, deliveryStates, teams, webhookEvents } from "#db/schema";
import { webhookUrl } from "~/api/webhook-schemas";
import { ActionResult } from "~/components/action-result";
import {
  ChannelCards,
  DeliveryLog,
  NewWebhookForm,
  WebhookTable,
  type ChannelSummary,
} from "~/components/integrations";
import { redeliver } from "~/integrations/worker.server";
import { listApiTokens } from "~/models/api-token.server";
import { countDeliveries, getDelivery, listDeliveries } from "~/models/delivery-log.server";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  publicWebhook,
} from "~/models/webhook.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { parseFormFields, requireFormData } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Integrations · Firsthand" }];

const logFilter = z.object({
  channel: z.enum(deliveryChannels).optional().catch(undefined),
  state: z.enum(deliveryStates).optional().catch(undefined),
});

function channelSummaries(): ChannelSummary[] {
  const env = getEnv();
  const counts = countDeliveries();
  const webhooks = listWebhooks().length;
  const slackTeams = getDb()
    .select()
    .from(teams)
    .where(isNotNull(teams.slackWebhookUrl))
    .all().length;
  const host = (url: string | undefined) => (url ? new URL(url).host : null);
  return [
    {
      channel: "webhook",
      title: "Webhooks",
      on: webhooks > 0,
      detail: webhooks ? `${webhooks} endpoint${webhooks === 1 ? "" : "s"}` : "No endpoints yet.",
      ...counts.webhook,
    },
    {
      channel: "xapi",
      title: "xAPI (LRS)",
      on: Boolean(env.XAPI_ENDPOINT),
      detail: env.XAPI_ENDPOINT
        ? `Statements to ${host(env.XAPI_ENDPOINT)}`
        : "Set XAPI_ENDPOINT, XAPI_USERNAME and XAPI_PASSWORD to send statements.",
      ...counts.xapi,
    },
    {
      channel: "email",
      title: "Email",
      on: Boolean(env.SMTP_URL),
      detail: env.SMTP_URL ? `Through ${host(env.SMTP_URL)}` : "Set SMTP_URL to send email.",
      ...counts.email,
    },
    {
      channel: "slack",
      title: "Slack",
      on: slackTeams > 0,
      detail: slackTeams
        ? `${slackTeams} team channel${slackTeams === 1 ? "" : "s"}`
        : "No team has a Slack channel yet.",
      ...counts.slack,
    },
  ];
}

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, ["admin"]);
  const filter = logFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  return {
    channels: channelSummaries(),
    liveTokens: listApiTokens().filter((t) => !t.token.revokedAt).length,
    webhooks: listWebhooks().map(publicWebhook),
    filtered: Boolean(filter.channel || filter.state),
    deliveries: listDeliveries(filter).map(
      ({ delivery: d, eventId, eventType, repEmail, attempts }) => ({
        id: d.id,
        channel: d.channel,
        target: d.target,
        eventId,
        eventType,
        rep: repEmail,
        state: d.state,
        nextAttemptAt: d.nextAttemptAt.toISOString(),
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
        lastError: d.lastError,
        attempts: attempts.map((a) => ({
          at: a.at.toISOString(),
          ok: a.ok,
          status: a.responseStatus,
          error: a.error,
          durationMs: a.durationMs,
        })),
      }),
    ),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create-webhook"),
    url: webhookUrl,
    secret: z
      .string()
      .min(16, "The signing secret needs at least 16 characters.")
      .max(200, "The signing secret may have at most 200 characters."),
    events: z.array(z.enum(webhookEvents)).min(1, "Choose at least one event."),
  }),
  z.object({ intent: z.literal("delete-webhook"), webhookId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("redeliver"), deliveryId: z.coerce.number().int().positive() }),
]);

type IntegrationsResult = { error?: string; notice?: string };

export async function action({ request }: ActionFunctionArgs) {
  const admin = requireRole(request, ["admin"]);
  const form = await requireFormData(request);
  const parsed = parseFormFields(actionSchema, {
    intent: form.get("intent"),
    url: form.get("url") ?? undefined,
    secret: form.get("secret") ?? undefined,
    events: form.getAll("events"),
    webhookId: form.get("webhookId") ?? undefined,
    deliveryId: form.get("deliveryId") ?? undefined,
  });
  if (!parsed.ok) return data<IntegrationsResult>({ error: parsed.message }, { status: 400 });
  const input = parsed.data;
  switch (input.intent) {
    case "create-webhook": {
      const webhook = createWebhook({ ...input, createdById: admin.id });
      return data<IntegrationsResult>({ notice: `Added ${webhook.url}.` });
    }
    case "delete-webhook": {
      const webhook = getWebhook({ id: input.webhookId });
      if (!webhook)
        return data<IntegrationsResult>({ error: "No such endpoint." }, { status: 404 });
      deleteWebhook({ id: webhook.id });
      return data<IntegrationsResult>({
        notice: `Deleted ${webhook.url} and its queued deliveries.`,
      });
    }
    case "redeliver": {
      const delivery = getDelivery({ id: input.deliveryId });
      if (!delivery)
        return data<IntegrationsResult>({ error: "No such delivery." }, { status: 404 });
      if (!redeliver({ id: delivery.id })) {
        return data<IntegrationsResult>(
          { error: "That delivery is already queued." },
          { status: 409 },
        );
      }
      return data<IntegrationsResult>({ notice: "Queued again; it goes out within seconds." });
    }
  }
}

export default function AdminIntegrations() {
  const { channels, liveTokens, webhooks, deliveries, filtered } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>Integrations</h1>
        <p className="muted">
          Who may pitch what, where people work: the CRM asks through the API and hears every change
          by webhook; the LRS, email and Slack get the same events from one outbox, retried until
          they arrive. <Link to="/admin/tokens">API tokens</Link> ({liveTokens} live) ·{" "}
          <Link to="/admin/api">API reference</Link>
        </p>
      </header>
      <ActionResult error={result?.error} notice={result?.notice} />
      <ChannelCards channels={channels} />
      <WebhookTable webhooks={webhooks} />
      <div className="grid-2">
        <NewWebhookForm />
        <section className="panel stack-sm" aria-labelledby="signature-title">
          <h2 id="signature-title">Checking a delivery</h2>
          <p>
            Each delivery is a POST of <code>{"{ id, type, createdAt, data }"}</code> with the
            header <code>Firsthand-Signature: t=&lt;unix seconds&gt;,v1=&lt;signature&gt;</code>,
            where the signature is the hex HMAC-SHA256 of <code>&lt;t&gt;.&lt;raw body&gt;</code>{" "}
            keyed with the endpoint&apos;s secret. Recompute it over the raw body, compare in
            constant time, refuse a <code>t</code> more than five minutes from your clock, and
            de-duplicate on <code>id</code>. Answer any 2xx within 10 seconds; anything else is
            retried with growing waits for three days, one rep&apos;s events always in order.
          </p>
        </section>
      </div>
      <DeliveryLog rows={deliveries} filtered={filtered} />
    </div>
  );
}
