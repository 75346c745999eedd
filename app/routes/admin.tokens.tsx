import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { apiScopes } from "#db/schema";
import { ActionResult } from "~/components/action-result";
import { NewTokenForm, RecentTokenUses, TokenTable } from "~/components/api-tokens";
import {
  createApiToken,
  getApiTokenById,
  listApiTokens,
  listRecentApiUses,
  revokeApiToken,
  tokenScopes,
} from "~/models/api-token.server";
import { requireRole } from "~/utils/auth.server";
import { displayName } from "~/utils/display-text";
import { parseFormFields, requireFormData } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "API tokens · Firsthand" }];

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, ["admin"]);
  return {
    tokens: listApiTokens().map(({ token, uses, lastUsedAt }) => ({
      id: token.id,
      name: token.name,
      scopes: tokenScopes(token),
      createdAt: token.createdAt.toISOString(),
      revokedAt: token.revokedAt?.toISOString() ?? null,
      uses,
      lastUsedAt: lastUsedAt ? new Date(lastUsedAt).toISOString() : null,
    })),
    uses: listRecentApiUses().map(({ use, tokenName }) => ({
      id: use.id,
      tokenName,
      at: use.at.toISOString(),
      request: `${use.method} ${use.endpoint}`,
      status: use.status,
    })),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create-token"),
    name: displayName({ label: "a token name", max: 100 }),
    scope: z.array(z.enum(apiScopes)).min(1, "Choose at least one scope."),
  }),
  z.object({ intent: z.literal("revoke-token"), tokenId: z.string().min(1).max(100) }),
]);

type TokenActionResult = { error?: string; notice?: string; token?: string };

export async function action({ request }: ActionFunctionArgs) {
  const admin = requireRole(request, ["admin"]);
  const form = await requireFormData(request);
  const parsed = parseFormFields(actionSchema, {
    intent: form.get("intent"),
    name: form.get("name") ?? undefined,
    tokenId: form.get("tokenId") ?? undefined,
    scope: form.getAll("scope"),
  });
  if (!parsed.ok) return data<TokenActionResult>({ error: parsed.message }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "create-token") {
    const { token, row } = createApiToken({
      name: input.name,
      scopes: input.scope,
      createdById: admin.id,
    });
    return data<TokenActionResult>({ notice: `Created “${row.name}”.`, token });
  }
  const existing = getApiTokenById({ id: input.tokenId });
  if (!existing) return data<TokenActionResult>({ error: "No such token." }, { status: 404 });
  revokeApiToken({ id: existing.id });
  return data<TokenActionResult>({ notice: `Revoked “${existing.name}”.` });
}

export default function AdminTokens() {
  const { tokens, uses } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>API tokens</h1>
        <p className="muted">
          Tokens let a CRM ask whether a rep may pitch a product. Each token is shown once; only a
          hash is kept. Read the <a href="/admin/api">API reference</a> for every endpoint, the
          scope it needs and a <code>curl</code> example (or the raw{" "}
          <a href="/api/v1/openapi.json">OpenAPI document</a>).
        </p>
      </header>
      <ActionResult error={result?.error} notice={result?.notice}>
        {result?.token ? (
          <p>
            Copy it now, it will not be shown again: <code className="secret">{result.token}</code>
          </p>
        ) : null}
      </ActionResult>

      <TokenTable tokens={tokens} />

      <div className="grid-2">
        <NewTokenForm />
        <RecentTokenUses uses={uses} />
      </div>
    </div>
  );
}
