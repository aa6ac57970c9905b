/**
 * Counts requests per key (a record id, a client address) in fixed one-minute windows, in memory. One
 * process's view: behind several processes each keeps its own count, so the effective limit multiplies.
 */
export class RateLimiter {
  #windowMs: number;
  #now: () => number;
  #windows = new Map<string, { start: number; count: number }>();
  #lastSweep = -Infinity;

  constructor(options: { windowMs?: number; now?: () => number } = {}) {
    this.#windowMs = options.windowMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Counts one write for every key and says whether each stays within its limit; when not, how many seconds
   * until the fullest window resets. A refused write is not counted.
   */
  take(keys: readonly { key: string; limit: number }[]): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.#now();
    // Sweeping walks every window: at most once a second, or a busy server would walk them on every request.
    if (this.#windows.size > 10_000 && now - this.#lastSweep >= 1000) this.#sweep(now);
    const windows = keys.map(({ key, limit }) => {
      let window = this.#windows.get(key);
      if (!window || now - window.start >= this.#windowMs) {
        window = { start: now, count: 0 };
        this.#windows.set(key, window);
      }
      return { ...window, window, limit };
    });
    const full = windows.filter((w) => w.window.count >= w.limit);
    if (full.length > 0) {
      const resetsAt = Math.max(...full.map((w) => w.window.start + this.#windowMs));
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now) / 1000)) };
    }
    for (const w of windows) w.window.count++;
    return { ok: true };
  }

  #sweep(now: number): void {
    this.#lastSweep = now;
    for (const [key, w] of this.#windows) if (now - w.start >= this.#windowMs) this.#windows.delete(key);
  }
}
