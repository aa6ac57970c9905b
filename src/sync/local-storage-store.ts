import type { DecisionStore } from '../core/environment.js';

/**
 * A {@link DecisionStore} over one localStorage key, or `undefined` where localStorage is missing or
 * refuses writes (some private modes, sandboxed frames, storage turned off).
 */
export function createLocalStorageStore(key: string): DecisionStore | undefined {
  let storage: Storage;
  try {
    storage = globalThis.localStorage;
    storage.setItem(`${key}:probe`, '1');
    storage.removeItem(`${key}:probe`);
  } catch {
    return undefined;
  }
  return {
    read: () => {
      try {
        return storage.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    write: (value) => {
      try {
        storage.setItem(key, value);
        return true;
      } catch {
        return false; // quota exceeded
      }
    },
    remove: () => {
      try {
        storage.removeItem(key);
      } catch {
        // Nothing stored that could be removed.
      }
    },
  };
}
