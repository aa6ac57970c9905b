import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/server/rate-limiter.js';

describe('rate limiter', () => {
  it('with more keys than it keeps before sweeping, limits still hold within a window and reset after it', () => {
    let now = 0;
    const limiter = new RateLimiter({ now: () => now });
    for (let n = 0; n < 12_000; n++) expect(limiter.take([{ key: `id:${n}`, limit: 1 }]).ok).toBe(true);
    expect(limiter.take([{ key: 'id:5', limit: 1 }])).toEqual({ ok: false, retryAfterSeconds: 60 });
    now += 30_000;
    expect(limiter.take([{ key: 'id:11999', limit: 1 }])).toEqual({ ok: false, retryAfterSeconds: 30 });
    now += 30_000;
    for (const n of [5, 11_999, 12_000]) expect(limiter.take([{ key: `id:${n}`, limit: 1 }]).ok, `id:${n}`).toBe(true);
    expect(limiter.take([{ key: 'id:5', limit: 1 }]).ok).toBe(false);
  });
});
