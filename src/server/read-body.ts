/** What became of reading a request body: its text, or why there is none. */
export type BodyOutcome = { kind: 'read'; text: string } | { kind: 'too-large' } | { kind: 'cut-off' };

/**
 * Reads a request body as UTF-8, stopping as soon as it passes `maxBytes` (a declared `Content-Length` over it
 * is refused unread). A stream that fails half-way is a client that went away or sent garbage framing, never
 * a fault of the server: it answers `cut-off`. Never throws.
 */
export async function readBody(request: Request, maxBytes: number): Promise<BodyOutcome> {
  const declared = request.headers.get('content-length');
  const isChunked = request.headers.has('transfer-encoding');
  if (declared !== null && !isChunked && /^[0-9]{1,16}$/.test(declared)) {
    if (Number(declared) > maxBytes) return { kind: 'too-large' };
    // The HTTP parser delivers no more than the declared length; read at once (servers such as
    // @hono/node-server then skip the web stream).
    try {
      return { kind: 'read', text: await request.text() };
    } catch {
      return { kind: 'cut-off' };
    }
  }
  if (!request.body) return { kind: 'read', text: '' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        void reader.cancel().catch(() => {});
        return { kind: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { kind: 'cut-off' };
  }
  return { kind: 'read', text: Buffer.concat(chunks, size).toString('utf8') };
}
