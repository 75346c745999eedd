/**
 * A request body sent in chunks with no Content-Length, as a streaming client sends it: `head`,
 * then `x` until the body holds `bytes` bytes.
 */
export function chunkedBody(head: string, bytes = head.length) {
  const encoder = new TextEncoder();
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = sent === 0 ? head : "x".repeat(Math.min(64 * 1024, bytes - sent));
      sent += chunk.length;
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

/** Fetch options for a chunked POST; `duplex` is what lets fetch send a stream. */
export function chunkedPost(body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return { method: "POST", body, headers, duplex: "half", redirect: "manual" } as RequestInit;
}
