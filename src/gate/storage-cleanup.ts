import { compileCookiePattern } from '../shared/cookie-pattern.js';

/** The storage a page's scripts can reach; each part may be missing or refuse access (sandboxed frames, privacy modes). */
export interface PageStorage {
  localStorage?: Storage;
  sessionStorage?: Storage;
  indexedDB?: IDBFactory;
}

/**
 * Deletes the localStorage and sessionStorage keys and the IndexedDB databases whose names match `patterns`
 * (names or `/regular expressions/`). Storage the page may not use is skipped; never throws. IndexedDB
 * databases are found with `indexedDB.databases()`, so in a browser without it only names written
 * literally (not as regular expressions) are deleted. Returns the storage keys it removed.
 */
export function deleteStorage(page: PageStorage, patterns: readonly string[]): string[] {
  const tests = patterns.map(compileCookiePattern).filter((test) => test !== undefined);
  const matches = (name: string) => tests.some((test) => test(name));
  const removed: string[] = [];
  for (const kind of ['localStorage', 'sessionStorage'] as const) {
    try {
      const storage = page[kind];
      if (!storage) continue;
      const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)!).filter(matches);
      for (const key of keys) storage.removeItem(key);
      removed.push(...keys);
    } catch {
      // This storage is off for the page: there is nothing in it to delete.
    }
  }
  try {
    const idb = page.indexedDB;
    if (idb) {
      const literal = patterns.filter((p) => !/^\/.+\/i?$/.test(p));
      void (idb.databases?.() ?? Promise.resolve(literal.map((name) => ({ name })))).then(
        (list) => {
          for (const { name } of list) if (name && matches(name)) idb.deleteDatabase(name);
        },
        () => {},
      );
    }
  } catch {
    // IndexedDB is off for the page.
  }
  return removed;
}
