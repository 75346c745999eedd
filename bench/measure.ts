import autocannon from "autocannon";

export type Figure = {
  name: string;
  /** Requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  connections: number;
  seconds: number;
};

export type Target = {
  name: string;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  seconds?: number;
  /** For scenarios: each connection builds its next request itself. */
  requests?: autocannon.Request[];
};

/** One autocannon run; errors are failed requests plus every non-2xx answer. */
export async function measure(
  baseUrl: string,
  target: Target,
  defaults: { seconds: number; connections: number },
): Promise<Figure> {
  const connections = target.connections ?? defaults.connections;
  const seconds = target.seconds ?? defaults.seconds;
  const result = await autocannon({
    url: baseUrl + target.path,
    method: target.method ?? "GET",
    headers: target.headers,
    body: target.body,
    connections,
    duration: seconds,
    timeout: 30,
    requests: target.requests,
  });
  return {
    name: target.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
    connections,
    seconds,
  };
}
