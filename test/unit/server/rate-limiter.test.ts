import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/server/rate-limiter.js';

describe('rate limiter', () => {
  it("with many keys, limits hold within each key's window and reset after it", () => {
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

  it("a window opened just before the minute's maps rotate still limits after the rotation, until it ends", () => {
    let now = 0;
    const limiter = new RateLimiter({ now: () => now });
    limiter.take([{ key: 'a', limit: 1 }]);
    now = 50_000;
    expect(limiter.take([{ key: 'b', limit: 2 }]).ok).toBe(true);
    now = 60_000; // another key's request rotates the maps
    expect(limiter.take([{ key: 'c', limit: 1 }]).ok).toBe(true);
    now = 100_000;
    expect(limiter.take([{ key: 'b', limit: 2 }]).ok).toBe(true);
    expect(limiter.take([{ key: 'b', limit: 2 }])).toEqual({ ok: false, retryAfterSeconds: 10 });
    now = 110_000;
    expect(limiter.take([{ key: 'b', limit: 2 }]).ok).toBe(true);
  });

  it('after a quiet spell of two windows or more, every key starts afresh', () => {
    let now = 0;
    const limiter = new RateLimiter({ now: () => now });
    limiter.take([{ key: 'a', limit: 1 }]);
    now = 59_999;
    expect(limiter.take([{ key: 'a', limit: 1 }]).ok).toBe(false);
    now = 180_000;
    expect(limiter.take([{ key: 'a', limit: 1 }]).ok).toBe(true);
    expect(limiter.take([{ key: 'a', limit: 1 }]).ok).toBe(false);
  });

  it("a request over one key's limit is not counted against its other keys", () => {
    const limiter = new RateLimiter({ now: () => 0 });
    expect(
      limiter.take([
        { key: 'id', limit: 1 },
        { key: 'client', limit: 2 },
      ]).ok,
    ).toBe(true);
    expect(
      limiter.take([
        { key: 'id', limit: 1 },
        { key: 'client', limit: 2 },
      ]).ok,
    ).toBe(false);
    expect(
      limiter.take([
        { key: 'other', limit: 1 },
        { key: 'client', limit: 2 },
      ]).ok,
    ).toBe(true);
  });
});
