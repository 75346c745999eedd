/** Forms and API bodies here are a few short fields; no request body is read past this. */
export const maxBodyBytes = 1024 * 1024;

/**
 * The whole body; "too large" once it passes `maxBodyBytes`, counted as it arrives (a chunked body
 * has no Content-Length for server.ts to refuse before anything reads it); "unreadable" when the
 * client stops sending midway.
 */
export async function readBodyWithin(
  request: Request,
): Promise<Uint8Array<ArrayBuffer> | "too large" | "unreadable"> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks);
      size += value.byteLength;
      if (size > maxBodyBytes) {
        // Not cancelled: that destroys the socket before the refusal is sent. server.ts drains the rest.
        reader.releaseLock();
        return "too large";
      }
      chunks.push(value);
    }
  } catch {
    return "unreadable";
  }
}
