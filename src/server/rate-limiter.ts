/**
 * Counts requests per key (a record id, a client address) in fixed one-minute windows, each starting at the
 * key's first request, in memory. One process's view: behind several processes each keeps its own count, so
 * the effective limit multiplies.
 *
 * Windows live in two generations: the map of windows opened in the current minute and the one of the minute
 * before. Every minute the older map is dropped whole (each of its windows has ended by then), so memory is
 * bounded by two minutes of keys and no request ever walks the windows to expire them.
 */
export class RateLimiter {
  #windowMs: number;
  #now: () => number;
  #current = new Map<string, { start: number; count: number }>();
  #previous = new Map<string, { start: number; count: number }>();
  #rotatedAt = -Infinity;

  constructor(options: { windowMs?: number; now?: () => number } = {}) {
    this.#windowMs = options.windowMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Counts one request for every key and says whether each stays within its limit; when not, how many
   * seconds until the fullest window resets. A refused request is not counted.
   */
  take(keys: readonly { key: string; limit: number }[]): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.#now();
    this.#rotate(now);
    const windows = keys.map(({ key, limit }) => {
      let window = this.#current.get(key) ?? this.#previous.get(key);
      if (!window || now - window.start >= this.#windowMs) {
        window = { start: now, count: 0 };
        this.#current.set(key, window);
      }
      return { window, limit };
    });
    const full = windows.filter(({ window, limit }) => window.count >= limit);
    if (full.length > 0) {
      const resetsAt = Math.max(...full.map(({ window }) => window.start + this.#windowMs));
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now) / 1000)) };
    }
    for (const { window } of windows) window.count++;
    return { ok: true };
  }

  /** A window opened before the last rotation has ended by the next one, so its map can go. */
  #rotate(now: number): void {
    const since = now - this.#rotatedAt;
    if (since < this.#windowMs) return;
    this.#previous = since < 2 * this.#windowMs ? this.#current : new Map();
    this.#current = new Map();
    this.#rotatedAt = now;
  }
}
