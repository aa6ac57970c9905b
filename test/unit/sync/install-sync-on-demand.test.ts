// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { SYNC_REGISTRY, type ConsentSync, type SyncFactory } from '../../../src/core/environment.js';
import { ConsentSyncError } from '../../../src/core/errors.js';
import type { OutboxEntry } from '../../../src/schema/outbox.js';
import { deferredSync, installSyncOnDemand } from '../../../src/sync/install-sync-on-demand.js';
import { record } from '../../fixtures/consent-bodies.js';

const config = parseConfig({ policy: { version: '2024-06', url: '/privacy' }, endpoint: '/consent-api' });
const factory = () => (globalThis as { [SYNC_REGISTRY]?: SyncFactory })[SYNC_REGISTRY]!;

/** A client that records what reaches it. */
function recordingSync() {
  const calls: string[] = [];
  const sync: ConsentSync = {
    push: (r) => void calls.push(`push ${r.revision}`),
    identify: async (token) => (calls.push(`identify ${token}`), null),
    receipts: async (id) => (calls.push(`receipts ${id}`), []),
    forget: async (id) => (calls.push(`forget ${id}`), true),
  };
  return { calls, sync };
}

describe('the endpoint client fetched on demand', () => {
  it('hands decisions made before the client arrived to it in the order they were made', async () => {
    const { calls, sync } = recordingSync();
    let arrive!: (client: ConsentSync) => void;
    const deferred = deferredSync(new Promise((resolve) => (arrive = resolve)));
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

  describe('installSyncOnDemand in a browser page', () => {
    beforeEach(() => {
      // Nothing leaves the test: requests are left unanswered.
      vi.stubGlobal('fetch', () => new Promise(() => {}));
      localStorage.clear();
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      delete (globalThis as { [SYNC_REGISTRY]?: SyncFactory })[SYNC_REGISTRY];
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
  });
});
