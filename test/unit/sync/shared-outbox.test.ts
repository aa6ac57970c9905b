import { describe, expect, it } from 'vitest';
import { TabOutboxes } from '../../../src/sync/tab-outboxes.js';
import { RECORD_ID_A, RECORD_ID_B, record } from '../../fixtures/consent-bodies.js';
import { MemoryShelf } from '../../fixtures/memory-shelf.js';
import { syncHarness } from '../../fixtures/sync-harness.js';

/** A tab of the site: its own outbox on the shared shelf, claiming those of gone tabs before each round. */
function tabOn(shelf: MemoryShelf, name: string) {
  const outbox = new TabOutboxes(shelf, shelf.arrive(name), shelf.claim);
  return { outbox, name: `${shelf.prefix}.${name}`, options: { outbox, beforeRound: () => outbox.claimGone() } };
}

describe('tabs of one site, each with its own outbox', () => {
  it('deciding at the same moment, each change is PUT once across both tabs', async () => {
    const shelf = new MemoryShelf();
    const [a, b] = [tabOn(shelf, 'a'), tabOn(shelf, 'b')];
    const h = await syncHarness(a.options);
    const otherTab = h.make(b.options);
    h.client.push(record({ categories: { analytics: true, marketing: true } }));
    otherTab.push(record({ categories: { analytics: false, marketing: false }, revision: 2 }));
    await Promise.all([h.client.flush(), otherTab.flush(), h.client.flush(), otherTab.flush()]);
    const keys = h.calls.map((call) => call.body.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(shelf.names()).toEqual([]);
  });

  it("a tab writes only its own outbox, so removing a delivered change cannot bring back or drop another tab's", async () => {
    const shelf = new MemoryShelf();
    const [a, b] = [tabOn(shelf, 'a'), tabOn(shelf, 'b')];
    const h = await syncHarness(a.options);
    h.faults.push('offline');
    const otherTab = h.make(b.options);
    h.client.push(record());
    await h.client.flush();
    otherTab.push(record({ id: RECORD_ID_B }));
    const written = shelf.stores.get(a.name)!.writes;
    await otherTab.flush();
    expect(shelf.stores.get(a.name)!.writes).toBe(written); // b delivered its change without touching a's outbox
    expect(a.outbox.list().map((e) => e.kind === 'put' && e.record.id)).toEqual([RECORD_ID_A]);
  });

  it("a change left by a tab that has gone is claimed and delivered once by the next page; a live tab's is not", async () => {
    const shelf = new MemoryShelf();
    const gone = tabOn(shelf, 'gone');
    const live = tabOn(shelf, 'live');
    const h = await syncHarness(tabOn(shelf, 'next').options);
    h.faults.push('offline', 'offline');
    for (const [tab, change] of [
      [gone, record()],
      [live, record({ id: RECORD_ID_B })],
    ] as const) {
      const client = h.make(tab.options);
      client.push(change);
      await client.flush(); // offline: the change stays in the tab's outbox
    }
    h.calls.splice(0);
    shelf.leave(gone.name);
    await h.client.flush();
    await h.client.flush();
    expect(h.calls.map((call) => call.body.record.id)).toEqual([RECORD_ID_A]);
    expect(shelf.names()).toEqual([live.name]);
  });

  it('an erasure drops the pending changes of its record that the page claimed from a gone tab', async () => {
    const shelf = new MemoryShelf();
    const gone = tabOn(shelf, 'gone');
    gone.outbox.add({
      kind: 'put',
      key: 'a'.repeat(32),
      record: record(),
      notice: { language: 'en', policyUrl: 'https://www.example.com/privacy' },
    });
    shelf.leave(gone.name);
    const page = tabOn(shelf, 'page');
    await page.outbox.claimGone();
    page.outbox.add({ kind: 'delete', key: 'b'.repeat(32), id: RECORD_ID_A });
    expect(page.outbox.list().map((e) => e.kind)).toEqual(['delete']);
  });
});
