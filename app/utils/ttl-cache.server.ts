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

const versioned = new Map<string, unknown>();
let latestVersion: string | null = null;

/**
 * The value last computed for `key` while `version` was the same. Versions only move on (the
 * database's), so a new one drops every value kept: memory holds one version's worth.
 */
export function cachedWhile<T>({
  key,
  version,
  compute,
}: {
  key: string;
  version: string;
  compute: () => T;
}): T {
  if (version !== latestVersion) {
    versioned.clear();
    latestVersion = version;
  }
  if (versioned.has(key)) return versioned.get(key) as T;
  const value = compute();
  versioned.set(key, value);
  return value;
}
