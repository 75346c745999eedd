import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedCall = {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  accepted: boolean;
};

/**
 * A CRM's webhook endpoint on a loopback port. While `down` it answers 503, like a receiver
 * mid-deploy; every call is kept, accepted or not.
 */
export async function startWebhookReceiver({ down = false }: { down?: boolean } = {}) {
  const calls: ReceivedCall[] = [];
  const state = { down };
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const accepted = !state.down;
      calls.push({ at: Date.now(), headers: req.headers, body, accepted });
      res
        .writeHead(accepted ? 200 : 503, { "Content-Type": "text/plain" })
        .end(accepted ? "ok" : "down");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/firsthand`,
    calls,
    setDown: (value: boolean) => (state.down = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
