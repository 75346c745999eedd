import { Form } from "@remix-run/react";
import type { ApiScope } from "#db/schema";
import { apiScopes } from "#db/schema";
import { formatDate } from "~/utils/dates";

export type TokenRow = {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdAt: string;
  revokedAt: string | null;
  uses: number;
  lastUsedAt: string | null;
};

export type TokenUseRow = {
  id: number;
  tokenName: string;
  at: string;
  request: string;
  status: number;
};

export function TokenTable({ tokens }: { tokens: TokenRow[] }) {
  return (
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
  );
}

export function NewTokenForm() {
  return (
    <section className="panel" aria-labelledby="new-token-title">
      <h2 id="new-token-title">Create a token</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="create-token" />
        <div className="field">
          <label htmlFor="token-name">Name</label>
          <input id="token-name" name="name" required maxLength={100} placeholder="Salesforce" />
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
  );
}

export function RecentTokenUses({ uses }: { uses: TokenUseRow[] }) {
  return (
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
  );
}
