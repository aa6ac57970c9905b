import { describe, expect, it } from 'vitest';
import { record } from '../../fixtures/consent-bodies.js';
import { syncHarness } from '../../fixtures/sync-harness.js';

/** What Web Locks give tabs of one site: one holder at a time, the others queued in order. */
function exclusiveLock() {
  let tail = Promise.resolve();
  return (deliver: () => Promise<void>) => {
    const turn = tail.then(deliver);
    tail = turn.catch(() => {});
    return turn;
  };
}

describe('two tabs sharing one outbox', () => {
  it('deciding at the same moment, each change is PUT once across both tabs', async () => {
    const lock = exclusiveLock();
    const h = await syncHarness({ lock });
    const otherTab = h.make({ lock });
    await otherTab.flush();
    h.client.push(record({ categories: { analytics: true, marketing: true } }));
    otherTab.push(record({ categories: { analytics: false, marketing: false }, revision: 2 }));
    await Promise.all([h.client.flush(), otherTab.flush()]);
    const keys = h.calls.map((call) => call.body.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(h.outbox.list()).toEqual([]);
  });
});
