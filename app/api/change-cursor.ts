import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { z } from "zod";

/** Where a page of certification changes ended: the sort keys of its last row. */
export type ChangeKey = { changedAt: Date; userId: string; productSlug: string };

const keyTuple = z.tuple([z.number().int().nonnegative(), z.string().min(1), z.string().min(1)]);

export function encodeChangeCursor({ changedAt, userId, productSlug }: ChangeKey): string {
  const json = JSON.stringify([changedAt.getTime(), userId, productSlug]);
  return encodeBase64urlNoPadding(new TextEncoder().encode(json));
}

/** The key a cursor names, or null for anything this API did not hand out. */
export function decodeChangeCursor(cursor: string): ChangeKey | null {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(cursor)) return null;
  try {
    const json = new TextDecoder("utf-8", { fatal: true }).decode(
      decodeBase64urlIgnorePadding(cursor),
    );
    const parsed = keyTuple.safeParse(JSON.parse(json));
    if (!parsed.success) return null;
    const [ms, userId, productSlug] = parsed.data;
    return { changedAt: new Date(ms), userId, productSlug };
  } catch {
    return null;
  }
}
