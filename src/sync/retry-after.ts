/**
 * How long a `Retry-After` header asks to wait, in milliseconds: it may give seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`). Never throws; an absent, unreadable or past value is 0.
 */
export function retryAfterMs(value: string | null, now: number = Date.now()): number {
  if (!value) return 0;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? 0 : Math.max(0, at - now);
}
