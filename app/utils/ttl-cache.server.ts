const entries = new Map<string, { at: number; value: unknown }>();

/**
 * The value computed for `key` in the last `ttlMs`, or a fresh one. For organisation-wide
 * aggregates that cost seconds at ten thousand reps and that nobody reads to the minute.
 */
export function cachedFor<T>({
  key,
  ttlMs,
  now = Date.now(),
  compute,
}: {
  key: string;
  ttlMs: number;
  now?: number;
  compute: () => T;
}): { value: T; computedAt: Date } {
  const hit = entries.get(key);
  if (hit && now - hit.at < ttlMs) return { value: hit.value as T, computedAt: new Date(hit.at) };
  const value = compute();
  entries.set(key, { at: now, value });
  return { value, computedAt: new Date(now) };
}

const versioned = new Map<string, { version: string; value: unknown }>();

/** The value last computed for `key` while `version` was the same; one kept per key. */
export function cachedWhile<T>({
  key,
  version,
  compute,
}: {
  key: string;
  version: string;
  compute: () => T;
}): T {
  const hit = versioned.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  versioned.set(key, { version, value });
  return value;
}
