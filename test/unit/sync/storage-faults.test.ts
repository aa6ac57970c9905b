import { describe, expect, it } from 'vitest';
import { RECORD_ID_A, record } from '../../fixtures/consent-bodies.js';
import { MemoryStore } from '../../fixtures/memory-environment.js';
import { syncHarness } from '../../fixtures/sync-harness.js';

describe('sync when the browser keeps nothing (cookies and localStorage refused)', () => {
  it('the change still leaves from this page, is retried while the endpoint is down, and is stored once', async () => {
    const storage = new MemoryStore();
    storage.accepts = false;
    const h = await syncHarness({ storage });
    h.faults.push('offline');
    h.client.push(record());
    await h.client.flush();
    expect(h.outbox.list()).toEqual([]); // nothing reached the storage: another page load will not see it
    expect(h.timers.pending).toHaveLength(1); // but this page still holds it for the retry
    await h.timers.fireNext(h.client);
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1]!.body.record).toEqual(record());
    expect((await h.call('GET', `/v1/consents/${RECORD_ID_A}/receipts`)).json.receipts).toHaveLength(1);
    await h.client.flush();
    expect(h.calls).toHaveLength(2); // delivered: not sent again
  });
});
