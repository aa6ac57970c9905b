import { SYNC_REGISTRY, type ConsentSync, type SyncFactory } from '../core/environment.js';
import { ConsentSyncError } from '../core/errors.js';

/**
 * `installSync()` of the script-tag build: the endpoint client is a chunk of its own, fetched only when
 * `init()` starts with a config that has an `endpoint`, so pages without one never download it. Until the
 * chunk has arrived, decisions wait in memory in the order they were made; then they go to the outbox.
 * Idempotent, and makes no request by itself.
 */
export function installSyncOnDemand(): void {
  const registry = globalThis as { [SYNC_REGISTRY]?: SyncFactory };
  registry[SYNC_REGISTRY] ??= (config) => deferredSync(import('./browser-sync.js').then((m) => m.createBrowserSync(config)));
}

/**
 * A {@link ConsentSync} that hands every call to `client` once it resolves, in call order. If it never can,
 * `push` says so once on the console (the decision stays on this device) and the other calls reject with a
 * `ConsentSyncError` coded `unavailable`.
 */
export function deferredSync(client: Promise<ConsentSync>): ConsentSync {
  const ready = client.catch((error: unknown) => {
    throw new ConsentSyncError('unavailable', `consent-kit: the preferences endpoint client could not be loaded (${(error as Error).message})`);
  });
  let isReported = false;
  const report = (error: ConsentSyncError) => {
    if (!isReported) console.error(`${error.message}; decisions stay on this device.`);
    isReported = true;
  };
  return {
    push: (record) => void ready.then((sync) => sync.push(record), report),
    identify: async (subjectToken) => (await ready).identify(subjectToken),
    receipts: async (id) => (await ready).receipts(id),
    forget: async (id) => (await ready).forget(id),
  };
}
