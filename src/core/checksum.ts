/**
 * FNV-1a, 32 bits, in base 36. Catches truncated, mangled or hand-edited cookies; it is not a signature
 * (anyone can recompute it), which is why signed receipts on the endpoint are the evidence of a decision.
 */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
