import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { apiScopes } from "#db/schema";
import { ActionResult } from "~/components/action-result";
import {
  createApiToken,
  getApiTokenById,
  listApiTokens,
  listRecentApiUses,
  revokeApiToken,
  tokenScopes,
} from "~/models/api-token.server";
import { requireRole } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
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
          Tokens let a CRM ask whether a rep may pitch a product (
          <a href="/api/v1/openapi.json">OpenAPI document</a>). Each token is shown once; only a
          hash is kept.
        </p>
      </header>
      <ActionResult error={result?.error} notice={result?.notice}>
        {result?.token ? (
          <p>
            Copy it now, it will not be shown again: <code className="secret">{result.token}</code>
          </p>
        ) : null}
      </ActionResult>

      <section className="panel table-wrap" aria-labelledby="tokens-title">
        <h2 id="tokens-title">Tokens</h2>
        {tokens.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className={t.revokedAt ? "row-muted" : undefined}>
                  <th scope="row">{t.name}</th>
                  <td>{t.scopes.join(", ")}</td>
                  <td>{formatDate(t.createdAt)}</td>
                  <td>
                    {t.uses} {t.uses === 1 ? "call" : "calls"}
                    {t.lastUsedAt ? `, last ${formatDate(t.lastUsedAt)}` : ""}
                  </td>
                  <td>
                    {t.revokedAt ? (
                      `Revoked ${formatDate(t.revokedAt)}`
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke-token" />
                        <input type="hidden" name="tokenId" value={t.id} />
                        <button
                          type="submit"
                          className="button button-small"
                          aria-label={`Revoke ${t.name}`}
                        >
                          Revoke
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No tokens yet.</p>
        )}
      </section>

      <div className="grid-2">
        <section className="panel" aria-labelledby="new-token-title">
          <h2 id="new-token-title">Create a token</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="create-token" />
            <div className="field">
              <label htmlFor="token-name">Name</label>
              <input
                id="token-name"
                name="name"
                required
                maxLength={100}
                placeholder="Salesforce"
              />
            </div>
            <fieldset className="stack-sm">
              <legend>Scopes</legend>
              {apiScopes.map((scope) => (
                <label key={scope} className="checkbox">
                  <input type="checkbox" name="scope" value={scope} /> {scope}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="button button-primary">
              Create token
            </button>
          </Form>
        </section>
        <section className="panel table-wrap" aria-labelledby="uses-title">
          <h2 id="uses-title">Recent calls</h2>
          {uses.length ? (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Token</th>
                  <th scope="col">Request</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {uses.map((u) => (
                  <tr key={u.id}>
                    <td>{new Date(u.at).toISOString().replace("T", " ").slice(0, 19)} UTC</td>
                    <td>{u.tokenName}</td>
                    <td>
                      <code>{u.request}</code>
                    </td>
                    <td>{u.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No calls yet.</p>
          )}
        </section>
      </div>
    </div>
  );
}
