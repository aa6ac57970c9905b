import type { ConsentStore } from './consent-store.js';

/** A store call that failed: the one kind of fault the endpoint answers `503` and logs as "the store failed". */
export class StoreFailure extends Error {
  constructor(
    readonly method: string,
    cause: unknown,
  ) {
    super(`the store failed in ${method}(): ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreFailure';
  }
}

/**
 * Every method of the store contract, by name (a store may be a class, its methods on the prototype); a
 * method added to the contract and missing here does not compile.
 */
const STORE_METHODS = Object.keys({
  migrate: true,
  read: true,
  readOwned: true,
  write: true,
  receipts: true,
  erase: true,
  pruneKeys: true,
  erasedTrail: true,
  signingKeys: true,
  addSigningKey: true,
  retireSigningKeys: true,
  hasReceipts: true,
  ping: true,
  close: true,
} satisfies Record<keyof ConsentStore, true>) as (keyof ConsentStore)[];

/**
 * The store with every rejection wrapped in a {@link StoreFailure}, so the handler can tell a database fault
 * from a client's (a cut-off body, a bad query) and from its own bugs.
 */
export function failuresMarked(store: ConsentStore): ConsentStore {
  const marked = {} as Record<string, unknown>;
  for (const method of STORE_METHODS) {
    const call = store[method] as (...args: unknown[]) => Promise<unknown>;
    marked[method] = (...args: unknown[]) => {
      try {
        return call.apply(store, args).catch((error: unknown) => Promise.reject(new StoreFailure(method, error)));
      } catch (error) {
        return Promise.reject(new StoreFailure(method, error));
      }
    };
  }
  return marked as unknown as ConsentStore;
}
