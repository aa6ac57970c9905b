import type { GateKeeper } from './gate-keeper.js';

type PageWindow = Window & typeof globalThis;
type CookieStoreLike = { set(...args: unknown[]): Promise<void> };

/**
 * Routes the page's cookie and storage writes through `keeper`: the `document.cookie` setter,
 * `cookieStore.set()` (the Cookie Store API, where the browser has it), `localStorage` /
 * `sessionStorage` `setItem()`, and the creation or upgrade of an IndexedDB database by `indexedDB.open()`. The patches sit on the prototypes, so a script that takes the property's
 * descriptor after consent-kit ran (`Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')`) gets
 * the gated setter too. Reads, deletions (an expiry in the past, `Max-Age=0`, `cookieStore.delete()`,
 * `removeItem()`) and writes of names no category lists are untouched; a refused write is silently skipped,
 * as a browser with cookies off does, so the script that made it never throws.
 *
 * Never sees: cookies set by HTTP responses (only the server that sends them can stop those),
 * `localStorage.key = value` and `localStorage[key] = value` (named properties, which no setter catches:
 * cleaned on denial instead), writes into a database that existed before (deleted on denial), and
 * scripts that ran before consent-kit.
 */
export function patchWrites(win: PageWindow, keeper: GateKeeper): void {
  const cookie = win.Document && Object.getOwnPropertyDescriptor(win.Document.prototype, 'cookie');
  const setCookie = cookie?.set;
  if (setCookie) {
    Object.defineProperty(win.Document.prototype, 'cookie', {
      ...cookie,
      set(this: Document, value: unknown) {
        const text = String(value);
        if (isDeletion(text)) setCookie.call(this, text);
        else keeper.write('cookie', cookieName(text), () => setCookie.call(this, text));
      },
    });
  }
  const store = (win as { CookieStore?: { prototype: CookieStoreLike } }).CookieStore?.prototype;
  const { set } = store ?? {};
  if (store && set) {
    store.set = function (this: CookieStoreLike, ...args: unknown[]) {
      // set(name, value) or set({ name, value, … })
      const name = String((args[0] as { name?: unknown } | undefined)?.name ?? args[0]);
      let written: Promise<void> | undefined;
      keeper.write('cookie', name, () => (written = set.apply(this, args)));
      return written ?? Promise.resolve();
    };
  }
  const storage = win.Storage?.prototype;
  const { setItem } = storage ?? {};
  if (storage && setItem) {
    storage.setItem = function (this: Storage, key: string, value: string) {
      let kind: 'localStorage' | 'sessionStorage' = 'localStorage';
      try {
        if (this === win.sessionStorage) kind = 'sessionStorage';
      } catch {
        // Storage is off for this frame: then this cannot be its session store either.
      }
      keeper.write(kind, String(key), () => setItem.call(this, key, value));
    };
  }
  const factory = win.IDBFactory?.prototype;
  const { open } = factory ?? {};
  if (factory && open) {
    factory.open = function (this: IDBFactory, ...args: Parameters<typeof open>) {
      const [name] = args;
      const request = open.apply(this, args);
      // Creating (or upgrading) a database runs in its upgrade transaction: aborting it leaves no database,
      // and the opener hears an ordinary AbortError instead of its upgrade handler running on a dead transaction.
      request.addEventListener('upgradeneeded', (event) => {
        if (keeper.write('indexedDB', String(name), () => {})) return;
        event.stopImmediatePropagation();
        request.transaction?.abort();
      });
      return request;
    };
  }
}

/** The name of a `document.cookie` assignment; a pair without `=` is a nameless cookie, as browsers read it. */
function cookieName(text: string): string {
  const pair = text.split(';')[0]!;
  return pair.includes('=') ? pair.slice(0, pair.indexOf('=')).trim() : '';
}

/** Whether an assignment only deletes its cookie: `Max-Age` of 0 or less, or else an `Expires` in the past. */
function isDeletion(text: string): boolean {
  const maxAge = /;\s*max-age\s*=\s*(-?\d+)/i.exec(text)?.[1];
  if (maxAge !== undefined) return Number(maxAge) <= 0;
  const expires = /;\s*expires\s*=\s*([^;]*)/i.exec(text)?.[1];
  return expires !== undefined && Date.parse(expires) <= Date.now();
}
