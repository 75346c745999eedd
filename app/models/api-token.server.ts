import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { desc, eq, max, sql } from "drizzle-orm";
import { apiTokens, apiTokenUses, type ApiScope, type ApiToken } from "#db/schema";
import { getDb } from "~/utils/db.server";
import { hashTokenSecret, randomToken } from "~/utils/secret-token.server";

const prefix = "fh_";

/** Creates a token; the returned `token` is the only time its secret exists outside the caller. */
export function createApiToken({
  name,
  scopes,
  createdById = null,
  now = new Date(),
}: {
  name: string;
  scopes: ApiScope[];
  createdById?: string | null;
  now?: Date;
}): { token: string; row: ApiToken } {
  const id = randomToken(10);
  const secret = randomToken(20); // 160 bits
  const row: ApiToken = {
    id,
    name,
    scopes: JSON.stringify([...new Set(scopes)]),
    secretHash: hashTokenSecret(secret),
    createdById,
    createdAt: now,
    revokedAt: null,
  };
  getDb().insert(apiTokens).values(row).run();
  return { token: `${prefix}${id}.${secret}`, row };
}

/** The live token a bearer string names, or null (malformed, unknown, wrong secret or revoked). */
export function getApiToken({ token }: { token: string }): ApiToken | null {
  if (!token.startsWith(prefix)) return null;
  const [id, secret, ...rest] = token.slice(prefix.length).split(".");
  if (!id || !secret || rest.length) return null;
  const row = getDb().select().from(apiTokens).where(eq(apiTokens.id, id)).get();
  if (!row || row.revokedAt) return null;
  return constantTimeEqual(hashTokenSecret(secret), row.secretHash) ? row : null;
}

export function getApiTokenById({ id }: { id: string }): ApiToken | null {
  return getDb().select().from(apiTokens).where(eq(apiTokens.id, id)).get() ?? null;
}

export function tokenScopes(token: ApiToken): ApiScope[] {
  return JSON.parse(token.scopes) as ApiScope[];
}

export function revokeApiToken({ id, now = new Date() }: { id: string; now?: Date }) {
  getDb().update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id)).run();
}

export function recordApiUse(use: Omit<typeof apiTokenUses.$inferInsert, "id">) {
  getDb().insert(apiTokenUses).values(use).run();
}

/** Every token with its scopes, newest first, and how often and when it was last used. */
export function listApiTokens() {
  return getDb()
    .select({
      token: apiTokens,
      uses: sql<number>`count(${apiTokenUses.id})`,
      lastUsedAt: max(apiTokenUses.at),
    })
    .from(apiTokens)
    .leftJoin(apiTokenUses, eq(apiTokenUses.tokenId, apiTokens.id))
    .groupBy(apiTokens.id)
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

export function listRecentApiUses({ limit = 50 }: { limit?: number } = {}) {
  return getDb()
    .select({ use: apiTokenUses, tokenName: apiTokens.name })
    .from(apiTokenUses)
    .innerJoin(apiTokens, eq(apiTokenUses.tokenId, apiTokens.id))
    .orderBy(desc(apiTokenUses.id))
    .limit(limit)
    .all();
}
