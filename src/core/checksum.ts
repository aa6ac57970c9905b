/**
 * FNV-1a, 32 bits, in base 36. Catches truncated, mangled or hand-edited cookies and checked configs; it is
 * not a signature (anyone can recompute it), which is why signed receipts on the endpoint are the evidence of
 * a decision.
 */
export function checksum(text: string): string {
  // The 32-bit state is kept as two 16-bit halves, so that every value in the loop is a small integer V8's
  // interpreter holds unboxed: with one 32-bit number, each character's product was a new heap number, and a
  // first visit spent about 0.3 ms hashing its 1 kB checked config (0.15 ms now). The prime is 0x0100_0193.
  let low = 0x9dc5;
  let high = 0x811c;
  for (let i = 0; i < text.length; i++) {
    low ^= text.charCodeAt(i);
    const lowProduct = low * 0x0193;
    high = (low * 0x0100 + high * 0x0193 + (lowProduct >>> 16)) & 0xffff;
    low = lowProduct & 0xffff;
  }
  return (high * 0x10000 + low).toString(36);
}
