import { describe, expect, it } from 'vitest';
import { deleteStorage } from '../../../src/gate/storage-cleanup.js';

/** Web Storage over a Map, with the key()/length interface deleteStorage walks. */
class MapStorage {
  items = new Map<string, string>();
  constructor(keys: string[]) {
    for (const key of keys) this.items.set(key, '1');
  }
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

function fakeIndexedDb(names: string[], { listable = true } = {}) {
  const deleted: string[] = [];
  const idb = {
    deleted,
    deleteDatabase: (name: string) => void deleted.push(name),
    ...(listable ? { databases: () => Promise.resolve(names.map((name) => ({ name, version: 1 }))) } : {}),
  };
  return idb;
}

const asPage = (page: object) => page as Parameters<typeof deleteStorage>[0];

describe('deleteStorage', () => {
  it('removes matching keys from localStorage and sessionStorage and leaves the others', () => {
    const localStorage = new MapStorage(['ph_phc_abc_posthog', 'theme', 'tracker_id']);
    const sessionStorage = new MapStorage(['ph_session', 'cart']);
    const removed = deleteStorage(asPage({ localStorage, sessionStorage }), ['/^ph_/', 'tracker_id']);
    expect(removed).toEqual(['ph_phc_abc_posthog', 'tracker_id', 'ph_session']);
    expect([...localStorage.items.keys()]).toEqual(['theme']);
    expect([...sessionStorage.items.keys()]).toEqual(['cart']);
  });

  it('deletes the IndexedDB databases whose names match', async () => {
    const idb = fakeIndexedDb(['amplitude-unsent', 'shop-cache', 'firebase-heartbeat-database']);
    deleteStorage(asPage({ indexedDB: idb }), ['/^amplitude/', 'firebase-heartbeat-database']);
    await expect.poll(() => idb.deleted).toEqual(['amplitude-unsent', 'firebase-heartbeat-database']);
  });

  it('without indexedDB.databases(), deletes the databases named literally', async () => {
    const idb = fakeIndexedDb([], { listable: false });
    deleteStorage(asPage({ indexedDB: idb }), ['/^amplitude/', 'tracker-db']);
    await expect.poll(() => idb.deleted).toEqual(['tracker-db']);
  });

  it('skips storage the page may not use, without throwing', () => {
    const page = {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
      sessionStorage: new MapStorage(['ph_x']),
    };
    expect(deleteStorage(asPage(page), ['/^ph_/'])).toEqual(['ph_x']);
  });
});
