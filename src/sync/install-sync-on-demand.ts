import type { ConsentSync, DecisionStore } from '../core/environment.js';
import { ConsentSyncError } from '../core/errors.js';
import { pageEntry, setPageEntry } from '../browser/page-registry.js';
import { randomId } from '../core/random-id.js';
import type { ConsentRecord } from '../schema/consent-record.js';
import { handoffPrefix } from './handoff-prefix.js';
import { createLocalStorageStore } from './local-storage-store.js';

/**
 * `installSync()` of the script-tag build: the endpoint client is a chunk of its own, fetched only when
 * `init()` starts with a config that has an `endpoint`, so pages without one never download it. Until the
 * chunk has arrived, decisions wait in memory in the order they were made; then they go to the outbox. A page
 * that goes away before that leaves them in localStorage for the next page's client.
 * Idempotent, and makes no request by itself.
 */
export function installSyncOnDemand(): void {
  if (pageEntry('sync')) return;
  setPageEntry('sync', (config) =>
    deferredSync(
      import('./browser-sync.js').then((m) => () => m.createBrowserSync(config)),
      {
        open: () => createLocalStorageStore(`${handoffPrefix(config.cookie.name)}.${randomId()}`),
        page: window,
      },
    ),
  );
}

/** Where a page leaves the decisions still waiting for its endpoint client when it goes away. */
export interface Handoff {
  /**
   * Opens this page's own handoff (a localStorage key of its own in a browser), only once there is something
   * to hand off, so a page start touches no storage for it; `undefined` where storage refuses.
   */
  open: () => DecisionStore | undefined;
  /** Where `pagehide` and `visibilitychange` are heard: `window` in a browser. */
  page: EventTarget & { document: { visibilityState: DocumentVisibilityState } };
}

/**
 * A {@link ConsentSync} that hands every call, in call order, to the client `load` makes once it resolves. If the
 * page goes away first (`pagehide`, or hidden, since mobile browsers may discard a hidden page without
 * `pagehide`), the decisions still waiting are written to `handoff` for the next page's client to send. The
 * handoff is removed before this page's client is made, which then takes the decisions from memory. If `load`
 * fails, `push` says so once on the console (the decisions stay on this device, in the handoff once the page
 * goes) and the other calls reject with a `ConsentSyncError` coded `unavailable`. `push` never throws.
 */
export function deferredSync(load: Promise<() => ConsentSync>, handoff?: Handoff): ConsentSync {
  /** Decisions not yet taken by the client, oldest first. */
  const waiting: ConsentRecord[] = [];
  let store: DecisionStore | undefined;
  const handOff = () => {
    if (waiting.length > 0) (store ??= handoff?.open())?.write(JSON.stringify(waiting));
  };
  handoff?.page.addEventListener('pagehide', handOff);
  handoff?.page.addEventListener('visibilitychange', () => {
    if (handoff.page.document.visibilityState === 'hidden') handOff();
  });
  const ready = load
    .then((makeClient) => {
      // A client starts by taking the handoffs it finds; this page's decisions are still in memory.
      store?.remove();
      return makeClient();
    })
    .catch((error: unknown) => {
      throw new ConsentSyncError(
        'unavailable',
        `consent-kit: the preferences endpoint client could not be loaded (${(error as Error).message})`,
      );
    });
  let isReported = false;
  const report = (error: ConsentSyncError) => {
    if (!isReported) console.error(`${error.message}; decisions stay on this device.`);
    isReported = true;
  };
  return {
    push: (record) => {
      waiting.push(record);
      // Each call waits on its own, so that pushes and identify() reach the client in the order they were made.
      void ready.then((sync) => {
        waiting.shift(); // this one: the calls resolve in the order they were made
        sync.push(record);
      }, report);
    },
    identify: async (subjectToken) => (await ready).identify(subjectToken),
    receipts: async (id) => (await ready).receipts(id),
    forget: async (id) => (await ready).forget(id),
  };
}
