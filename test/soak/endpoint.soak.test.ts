import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the benchmarks, without type declarations
import { failures, soak } from '../../bench/soak.mjs';

/*
 * `npm run test:soak` (CI runs it after `npm test`): the endpoint under two minutes of steady load. Asserts that
 * nothing failed and that memory did not grow, never a speed: `npm run bench` reports the speed.
 */
describe('endpoint soak', () => {
  it('two minutes at a steady 1,500 requests a second: every request answered 2xx, server memory within 20 % of before', async () => {
    const { result, before, after } = await soak({ seconds: 120 });
    expect(result.requests.total, 'the run made no requests').toBeGreaterThan(0);
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
    expect(failures(result)).toBe(0);
    // The JS heap after a full GC is where a leak shows; RSS also holds SQLite's cache and allocator slack.
    expect(after.heapUsed / before.heapUsed, `heap ${before.heapUsed} -> ${after.heapUsed} bytes`).toBeLessThanOrEqual(
      1.2,
    );
    expect(after.rss / before.rss, `RSS ${before.rss} -> ${after.rss} bytes`).toBeLessThanOrEqual(1.2);
  }, 300_000);
});
