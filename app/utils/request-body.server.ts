/** Forms and API bodies here are a few short fields; no request body is read past this. */
export const maxBodyBytes = 1024 * 1024;

/**
 * The whole body, or null once it passes `maxBodyBytes`. Counted as it arrives: a chunked body has
 * no Content-Length for server.ts to refuse before anything reads it.
 */
export async function readBodyWithin(request: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > maxBodyBytes) {
      // Not cancelled: that destroys the socket before the refusal is sent. server.ts drains the rest.
      reader.releaseLock();
      return null;
    }
    chunks.push(value);
  }
}
