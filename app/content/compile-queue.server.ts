// We queue compiles because esbuild runs out of memory when several run at once.
const globalForQueue = globalThis as unknown as {
  firsthandCompileQueue?: Promise<unknown>;
  firsthandCompileStats?: { compiled: number; cacheHits: number };
};

export function enqueueCompile<T>(task: () => Promise<T>): Promise<T> {
  const previous = globalForQueue.firsthandCompileQueue ?? Promise.resolve();
  const run = previous.then(task, task);
  globalForQueue.firsthandCompileQueue = run.catch(() => undefined);
  return run;
}

function stats() {
  globalForQueue.firsthandCompileStats ??= { compiled: 0, cacheHits: 0 };
  return globalForQueue.firsthandCompileStats;
}

/** Compiles run and cache hits since the process started, so tests can see that a restart compiles nothing. */
export function getCompileStats() {
  return { ...stats() };
}

export function countCompile(kind: "compiled" | "cacheHits") {
  stats()[kind] += 1;
}
