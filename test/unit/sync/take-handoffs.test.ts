// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { pageEntry, setPageEntry } from '../../../src/browser/page-registry.js';
import type { OutboxEntry } from '../../../src/schema/outbox.js';
import { handoffPrefix } from '../../../src/sync/handoff-prefix.js';
import { installSync } from '../../../src/sync/install-sync.js';
import { Outbox } from '../../../src/sync/outbox.js';
import { takeHandoffs } from '../../../src/sync/take-handoffs.js';
import { RECORD_ID_A, RECORD_ID_B, record } from '../../fixtures/consent-bodies.js';
import { MemoryStore } from '../../fixtures/memory-environment.js';
import { syncHarness } from '../../fixtures/sync-harness.js';

const config = parseConfig({ policy: { version: '2024-06', url: '/privacy' }, endpoint: '/consent-api' });
const PREFIX = handoffPrefix('consent');
const factory = () => pageEntry('sync')!;

/** Every change waiting in the page's outboxes (each page keeps its own key under the outbox prefix). */
const outboxed = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith('consent-kit:consent-outbox'))
    .flatMap((key) => JSON.parse(localStorage.getItem(key)!) as OutboxEntry[]);
const handoffKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(PREFIX));

/** Makes localStorage throw as a sandboxed frame or blocked site data does, for the length of `run`. */
function withStorageFault<T>(fault: 'access' | 'getItem' | 'removeItem', run: () => T): T {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')!;
  const storage = localStorage;
  const denied = () => {
    throw new DOMException('denied', 'SecurityError');
  };
  const faulty = new Proxy(storage, {
    get: (target, name) => {
      const value: unknown = Reflect.get(target, name);
      if (name === fault) return denied;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get: fault === 'access' ? denied : () => faulty,
  });
  try {
    return run();
  } finally {
    Object.defineProperty(globalThis, 'localStorage', original);
  }
}

describe('decisions handed off by pages that went before their endpoint client arrived', () => {
  let sent: string[];
  beforeEach(() => {
    sent = [];
    // Nothing leaves the test: requests are recorded and left unanswered.
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      sent.push(`${init.method} ${url}`);
      return new Promise(() => {});
    });
    localStorage.clear();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setPageEntry('sync', undefined);
  });

  it('the endpoint client takes each handoff into its outbox once, in its order, and sends it', async () => {
    localStorage.setItem(`${PREFIX}.page-1`, JSON.stringify([record({ revision: 1 }), record({ revision: 2 })]));
    localStorage.setItem(`${PREFIX}.page-2`, JSON.stringify([record({ id: RECORD_ID_B })]));
    localStorage.setItem('consent-kit:other-handoff.page-3', JSON.stringify([record()])); // another cookie name's
    installSync();
    factory()(config);
    const taken = outboxed().map((e) => (e.kind === 'put' ? `${e.record.id} ${e.record.revision}` : e.kind));
    // Each page's handoff in its own order; the pages' handoffs in any order.
    expect(taken.filter((change) => change.startsWith(RECORD_ID_A))).toEqual([`${RECORD_ID_A} 1`, `${RECORD_ID_A} 2`]);
    expect(taken.sort()).toEqual([`${RECORD_ID_A} 1`, `${RECORD_ID_A} 2`, `${RECORD_ID_B} 1`]);
    expect(handoffKeys()).toEqual([]);
    expect(localStorage.getItem('consent-kit:other-handoff.page-3')).not.toBeNull();
    await vi.waitFor(() => expect(sent[0]).toMatch(/^PUT .*\/consent-api\/v1\/consents\/[0-9a-f-]{36}$/));

    factory()(config); // the next page finds nothing left to take
    expect(outboxed()).toHaveLength(3);
  });

  it('an unparsable or edited handoff is dropped and removed; a valid one beside it is taken', () => {
    const edited = [{ ...record(), categories: { analytics: 'yes' } }];
    for (const [page, text] of [
      ['a', '{'],
      ['b', '"text"'],
      ['c', JSON.stringify(edited)],
      ['d', JSON.stringify([record()])],
    ]) {
      localStorage.setItem(`${PREFIX}.${page}`, text!);
    }
    expect(takeHandoffs(PREFIX)).toEqual([record()]);
    expect(handoffKeys()).toEqual([]);
  });

  it('never throws on storage faults; a handoff that cannot be removed is not taken, so it is not sent by every page', () => {
    localStorage.setItem(`${PREFIX}.page-1`, JSON.stringify([record()]));
    expect(withStorageFault('access', () => takeHandoffs(PREFIX))).toEqual([]);
    expect(withStorageFault('getItem', () => takeHandoffs(PREFIX))).toEqual([]);
    expect(withStorageFault('removeItem', () => takeHandoffs(PREFIX))).toEqual([]);
    expect(handoffKeys()).toHaveLength(1);
    installSync();
    expect(() => withStorageFault('access', () => factory()(config))).not.toThrow();
    expect(takeHandoffs(PREFIX)).toEqual([record()]);
  });

  it('two pages that took one handoff at the same instant: the endpoint stores the decision once', async () => {
    // Neither page saw the other remove the key: both push the same records, each with an idempotency key of its own.
    localStorage.setItem(`${PREFIX}.page-1`, JSON.stringify([record()]));
    const records = takeHandoffs(PREFIX);
    const h = await syncHarness();
    const otherPage = h.make({ outbox: new Outbox(new MemoryStore()) });
    for (const r of records) {
      h.client.push(r);
      otherPage.push(r);
    }
    await Promise.all([h.client.flush(), otherPage.flush()]);
    expect(h.calls.filter((call) => call.init.method === 'PUT')).toHaveLength(2);
    expect((await h.call('GET', `/v1/consents/${RECORD_ID_A}/receipts`)).json.receipts).toHaveLength(1);
    expect(h.outbox.list()).toEqual([]); // the later PUT, answered 409, counts as delivered: nothing is retried
    expect(h.warnings).toEqual([]);
  });
});
