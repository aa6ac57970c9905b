// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import type { ConsentSync } from '../../../src/core/environment.js';
import { pageEntry, setPageEntry } from '../../../src/browser/page-registry.js';
import { ConsentSyncError } from '../../../src/core/errors.js';
import type { OutboxEntry } from '../../../src/schema/outbox.js';
import { deferredSync, installSyncOnDemand, type Handoff } from '../../../src/sync/install-sync-on-demand.js';
import { record } from '../../fixtures/consent-bodies.js';
import { MemoryStore } from '../../fixtures/memory-environment.js';

const config = parseConfig({ policy: { version: '2024-06', url: '/privacy' }, endpoint: '/consent-api' });
const factory = () => pageEntry('sync')!;

/** A client that records what reaches it. */
function recordingSync() {
  const calls: string[] = [];
  const sync: ConsentSync = {
    push: (r) => void calls.push(`push ${r.revision}`),
    identify: async (token) => {
      calls.push(`identify ${token}`);
      return null;
    },
    receipts: async (id) => {
      calls.push(`receipts ${id}`);
      return [];
    },
    forget: async (id) => {
      calls.push(`forget ${id}`);
      return true;
    },
  };
  return { calls, sync };
}

/** A page without a DOM: its events, its visibility, and its own handoff store. */
function leavingPage() {
  const page = Object.assign(new EventTarget(), {
    document: { visibilityState: 'visible' as DocumentVisibilityState },
  });
  const store = new MemoryStore();
  const handoff: Handoff = { open: () => store, page };
  const hide = () => {
    page.document.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
  };
  const handedOff = () =>
    store.value === undefined ? undefined : (JSON.parse(store.value) as { revision: number }[]).map((r) => r.revision);
  return { page, store, handoff, hide, handedOff };
}

/** An endpoint client whose chunk arrives when the test says so. */
function lateClient() {
  let arrive!: (client: ConsentSync) => void;
  return { client: new Promise<() => ConsentSync>((resolve) => (arrive = (sync) => resolve(() => sync))), arrive };
}

describe('the endpoint client fetched on demand', () => {
  it('hands decisions made before the client arrived to it in the order they were made', async () => {
    const { calls, sync } = recordingSync();
    const { client, arrive } = lateClient();
    const deferred = deferredSync(client);
    deferred.push(record({ revision: 1 }));
    deferred.push(record({ revision: 2 }));
    const identified = deferred.identify('token');
    expect(calls).toEqual([]);
    arrive(sync);
    expect(await identified).toBeNull();
    deferred.push(record({ revision: 3 }));
    expect(await deferred.forget('id')).toBe(true);
    expect(calls).toEqual(['push 1', 'push 2', 'identify token', 'push 3', 'forget id']);
  });

  it('a client that cannot be fetched: push never throws and says so once, the others reject with a ConsentSyncError', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const deferred = deferredSync(Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
      expect(() => deferred.push(record())).not.toThrow();
      deferred.push(record({ revision: 2 }));
      const failure = await deferred.receipts('id').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConsentSyncError);
      expect(failure).toMatchObject({ code: 'unavailable' });
      await vi.waitFor(() => expect(errors).toHaveBeenCalledTimes(1));
      expect(String(errors.mock.calls[0]![0])).toMatch(/could not be loaded .*decisions stay on this device/);
    } finally {
      errors.mockRestore();
    }
  });

  describe('a page that goes away before the client arrived', () => {
    it('leaves its waiting decisions, in order, in its handoff on pagehide', () => {
      const { page, handoff, handedOff } = leavingPage();
      const deferred = deferredSync(lateClient().client, handoff);
      deferred.push(record({ revision: 1 }));
      deferred.push(record({ revision: 2 }));
      expect(handedOff()).toBeUndefined();
      page.dispatchEvent(new Event('pagehide'));
      expect(handedOff()).toEqual([1, 2]);
    });

    it('leaves them when hidden too (mobile browsers may discard a hidden page without pagehide), not when shown', () => {
      const { page, handoff, hide, handedOff } = leavingPage();
      const deferred = deferredSync(lateClient().client, handoff);
      deferred.push(record());
      page.dispatchEvent(new Event('visibilitychange'));
      expect(handedOff()).toBeUndefined();
      hide();
      expect(handedOff()).toEqual([1]);
    });

    it('writes nothing when the client arrived first', async () => {
      const { page, store, handoff, hide } = leavingPage();
      const { calls, sync } = recordingSync();
      const { client, arrive } = lateClient();
      const deferred = deferredSync(client, handoff);
      arrive(sync);
      deferred.push(record());
      await vi.waitFor(() => expect(calls).toEqual(['push 1']));
      hide();
      page.dispatchEvent(new Event('pagehide'));
      expect(store.writes).toBe(0);
    });

    it("removes its handoff before the client starts (which takes handoffs as other pages' decisions), then hands it the decisions in order", async () => {
      const { store, handoff, hide, handedOff } = leavingPage();
      const { calls, sync } = recordingSync();
      let arrive!: () => void;
      let handoffAtStart: string | undefined = 'not started';
      const load = new Promise<() => ConsentSync>(
        (resolve) =>
          (arrive = () =>
            resolve(() => {
              handoffAtStart = store.value;
              return sync;
            })),
      );
      const deferred = deferredSync(load, handoff);
      deferred.push(record({ revision: 1 }));
      hide();
      deferred.push(record({ revision: 2 })); // decided while hidden: the handoff catches up on the next hide
      hide();
      expect(handedOff()).toEqual([1, 2]);
      arrive();
      await vi.waitFor(() => expect(calls).toEqual(['push 1', 'push 2']));
      expect(handoffAtStart).toBeUndefined();
      expect(handedOff()).toBeUndefined();
    });

    it('a client that cannot be fetched leaves every decision in the handoff for the next page', async () => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const { page, handoff, handedOff } = leavingPage();
        const deferred = deferredSync(
          Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
          handoff,
        );
        deferred.push(record({ revision: 1 }));
        await vi.waitFor(() => expect(errors).toHaveBeenCalledTimes(1));
        deferred.push(record({ revision: 2 }));
        page.dispatchEvent(new Event('pagehide'));
        expect(handedOff()).toEqual([1, 2]);
      } finally {
        errors.mockRestore();
      }
    });
  });

  describe('installSyncOnDemand in a browser page', () => {
    let sent: string[];
    beforeEach(() => {
      sent = [];
      // Nothing leaves the test: requests are recorded and left unanswered.
      vi.stubGlobal('fetch', (url: string) => {
        sent.push(url);
        return new Promise(() => {});
      });
      localStorage.clear();
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      setPageEntry('sync', undefined);
    });

    it('registers one factory, and a decision pushed at once reaches the outbox once the client has arrived', async () => {
      installSyncOnDemand();
      const first = factory();
      installSyncOnDemand();
      expect(factory()).toBe(first);
      factory()(config).push(record());
      await vi.waitFor(() => {
        const outbox = JSON.parse(localStorage.getItem('consent-kit:consent-outbox') ?? '[]') as OutboxEntry[];
        expect(outbox.map((entry) => entry.kind)).toEqual(['put']);
      });
    });

    it('a page leaving before the client arrived hands its decision off under a key of its own, removed once the client takes it', async () => {
      installSyncOnDemand();
      factory()(config).push(record());
      window.dispatchEvent(new Event('pagehide'));
      const handoffs = () => Object.keys(localStorage).filter((key) => key.startsWith('consent-kit:consent-handoff'));
      expect(handoffs()).toEqual([expect.stringMatching(/^consent-kit:consent-handoff\.[0-9a-f-]{36}$/)]);
      expect(JSON.parse(localStorage.getItem(handoffs()[0]!)!)).toEqual([record()]);
      await vi.waitFor(() => expect(handoffs()).toEqual([]));
      const outboxes = Object.keys(localStorage).filter((key) => key.startsWith('consent-kit:consent-outbox'));
      expect(
        outboxes
          .flatMap((key) => JSON.parse(localStorage.getItem(key)!) as OutboxEntry[])
          .map((e) => e.kind === 'put' && e.record),
      ).toEqual([record()]);
    });

    it('without localStorage, a page leaving early hands nothing off and throws nothing', async () => {
      // As in a sandboxed frame or with site data blocked: reading localStorage throws.
      const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')!;
      Object.defineProperty(globalThis, 'localStorage', {
        configurable: true,
        get: () => {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      try {
        installSyncOnDemand();
        const sync = factory()(config);
        expect(() => sync.push(record())).not.toThrow();
        expect(() => window.dispatchEvent(new Event('pagehide'))).not.toThrow();
        // The client still arrives and sends the decision, from its cookie outbox.
        await vi.waitFor(() => expect(sent).toEqual([expect.stringMatching(/\/v1\/consents\/[0-9a-f-]{36}$/)]));
      } finally {
        Object.defineProperty(globalThis, 'localStorage', original);
      }
      expect(Object.keys(localStorage)).toEqual([]);
    });
  });
});
