const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * How long to wait before retry number `attempt` (0 for the first): exponential backoff from 1 s to at
 * most 5 min, with "equal jitter" (between half and all of it) so that many visitors coming back online at
 * once do not all retry in the same second.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
  return ceiling / 2 + (random() * ceiling) / 2;
}
