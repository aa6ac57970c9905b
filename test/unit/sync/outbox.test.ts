import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../src/schema/outbox.js';
import { Outbox } from '../../../src/sync/outbox.js';
import { retryDelay } from '../../../src/sync/retry-delay.js';
import { RECORD_ID_A, RECORD_ID_B, putBody, record } from '../../fixtures/consent-bodies.js';
import { MemoryStore } from '../../fixtures/memory-environment.js';

const put = (key: string, rec = record()): OutboxEntry => ({
  kind: 'put',
  key: `${key}-0000000000000000`,
  record: rec,
  notice: putBody().notice,
});

describe('outbox', () => {
  it('keeps changes in order across instances (page loads) on the same storage', () => {
    const storage = new MemoryStore();
    new Outbox(storage).add(put('a'));
    new Outbox(storage).add(put('b', record({ revision: 2 })));
    expect(new Outbox(storage).list().map((e) => e.key.slice(0, 1))).toEqual(['a', 'b']);
    new Outbox(storage).remove(put('a').key);
    expect(new Outbox(storage).list().map((e) => e.key.slice(0, 1))).toEqual(['b']);
    const writes = storage.writes;
    new Outbox(storage).remove(put('a').key); // already gone: nothing to write
    expect(storage.writes).toBe(writes);
    new Outbox(storage).remove(put('b').key);
    expect(storage.value).toBeUndefined();
  });

  it('reads an edited or corrupted outbox as empty, without throwing', () => {
    const storage = new MemoryStore();
    for (const value of ['{', '[{"kind":"put"}]', '"text"', JSON.stringify([{ ...put('a'), record: { id: 'x' } }])]) {
      storage.value = value;
      expect(new Outbox(storage).list()).toEqual([]);
    }
  });

  it('an erasure replaces the pending changes of its record only', () => {
    const outbox = new Outbox(new MemoryStore());
    outbox.add(put('a'));
    outbox.add(put('b', record({ id: RECORD_ID_B })));
    outbox.add({ kind: 'delete', key: 'c-0000000000000000', id: RECORD_ID_A });
    expect(outbox.list().map((e) => e.key.slice(0, 1))).toEqual(['b', 'c']);
  });

  it('over capacity (the cookie fallback) it keeps the newest change of each record', () => {
    const outbox = new Outbox(new MemoryStore(), 1_200);
    outbox.add(put('a', record({ revision: 1 })));
    outbox.add(put('b', record({ id: RECORD_ID_B })));
    outbox.add(put('c', record({ revision: 2 })));
    expect(outbox.list().map((e) => [e.key.slice(0, 1), e.kind === 'put' && e.record.revision])).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
    expect(JSON.stringify(outbox.list()).length).toBeLessThanOrEqual(1_200);
  });
});

describe('retry delay', () => {
  it('doubles from 1 s up to 5 min, jittered between half and all of it', () => {
    expect([0, 1, 2, 3].map((n) => retryDelay(n, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([0, 1, 2].map((n) => retryDelay(n, () => 0))).toEqual([500, 1_000, 2_000]);
    expect(retryDelay(30, () => 1)).toBe(300_000);
    expect(retryDelay(30, () => 0)).toBe(150_000);
  });
});
