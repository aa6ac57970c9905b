import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import type { BlockedDetail } from '../../../src/gate/blocked-log.js';
import { GateKeeper } from '../../../src/gate/gate-keeper.js';
import { patchWrites } from '../../../src/gate/write-gate.js';
import { memoryEnvironment } from '../../fixtures/memory-environment.js';

const config = parseConfig({
  policy: { version: '1', url: '/' },
  categories: [
    { id: 'necessary', required: true, cookies: ['session_id'], storage: ['cart'] },
    { id: 'analytics', cookies: ['_ga', '/^ph_.*_posthog$/'], storage: ['/^ph_/', 'tracker_queue'] },
    { id: 'marketing', cookies: ['/^c/'] },
  ],
});

/** A window of its own realm: a cookie jar behind `Document.prototype.cookie`, Web Storage and a Cookie Store. */
function fakeWindow() {
  const jar = new Map<string, string>();
  class Document {
    get cookie() {
      return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    set cookie(text: string) {
      const [pair] = text.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(text)) jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
  }
  class Storage {
    items = new Map<string, string>();
    setItem(key: string, value: string) {
      this.items.set(key, value);
    }
  }
  class CookieStore {
    set(nameOrOptions: string | { name: string; value: string }, value?: string) {
      if (typeof nameOrOptions === 'string') jar.set(nameOrOptions, value!);
      else jar.set(nameOrOptions.name, nameOrOptions.value);
      return Promise.resolve();
    }
  }
  /** An open request whose upgrade the test fires; `aborted` says whether the creation was rolled back. */
  class IDBFactory {
    requests: (EventTarget & { aborted: boolean; transaction: { abort(): void } })[] = [];
    open(_name: string) {
      const request = Object.assign(new EventTarget(), {
        aborted: false,
        transaction: { abort: () => (request.aborted = true) },
      });
      this.requests.push(request);
      return request;
    }
  }
  const win = {
    Document,
    Storage,
    CookieStore,
    IDBFactory,
    localStorage: new Storage(),
    sessionStorage: new Storage(),
  };
  return { win, jar, document: new Document(), cookieStore: new CookieStore(), indexedDB: new IDBFactory() };
}

function setUp() {
  const page = fakeWindow();
  const events = new EventTarget();
  const blocked: BlockedDetail[] = [];
  events.addEventListener('consent:blocked', (e) => blocked.push((e as CustomEvent<BlockedDetail>).detail));
  const keeper = new GateKeeper(
    events,
    () => 'https://shop.test/',
    () => 'shop.test',
  );
  patchWrites(page.win as unknown as Window & typeof globalThis, keeper);
  const manager = new ConsentManager(config, memoryEnvironment().env);
  return { ...page, keeper, manager, blocked };
}

describe('cookie writes', () => {
  it("before a decision, refuse cookies an optional category lists and write the page's own and required ones", () => {
    const { document, jar, keeper, manager } = setUp();
    keeper.connect(manager);
    document.cookie = '_ga=GA1.1.123; Path=/; Max-Age=63072000';
    document.cookie = 'ph_phc_abc_posthog=%7B%7D; Path=/';
    document.cookie = 'theme=dark; Path=/';
    document.cookie = 'session_id=s1';
    expect([...jar.keys()]).toEqual(['theme', 'session_id']);
  });

  it('count each refusal per category and name, and report it with consent:blocked', () => {
    const { document, keeper, manager, blocked } = setUp();
    keeper.connect(manager);
    document.cookie = '_ga=1';
    document.cookie = '_ga=2';
    manager.rejectAll();
    document.cookie = 'campaign=x';
    expect(keeper.blocked()).toEqual({
      analytics: { 'cookie:_ga': { held: 0, released: 0, dropped: 2 } },
      marketing: { 'cookie:campaign': { held: 0, released: 0, dropped: 1 } },
    });
    expect(blocked.map(({ kind, name, reason, categories }) => ({ kind, name, reason, categories }))).toEqual([
      { kind: 'cookie', name: '_ga', reason: 'undecided', categories: ['analytics'] },
      { kind: 'cookie', name: '_ga', reason: 'undecided', categories: ['analytics'] },
      { kind: 'cookie', name: 'campaign', reason: 'denied', categories: ['marketing'] },
    ]);
  });

  it('pass once the category is granted, and leave reads alone throughout', () => {
    const { document, jar, keeper, manager } = setUp();
    keeper.connect(manager);
    jar.set('_ga', 'old');
    document.cookie = '_ga=refused';
    expect(document.cookie).toBe('_ga=old');
    manager.update({ categories: { analytics: true } });
    document.cookie = '_ga=new';
    expect(jar.get('_ga')).toBe('new');
  });

  it('always let deletions through, so a tracker and the clean-up can remove what is there', () => {
    const { document, jar, keeper, manager } = setUp();
    keeper.connect(manager);
    manager.rejectAll();
    jar.set('_ga', '1').set('ph_x_posthog', '2');
    document.cookie = '_ga=; Max-Age=0; Path=/';
    document.cookie = 'ph_x_posthog=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    expect(jar.size).toBe(0);
    expect(keeper.blocked()).toEqual({});
  });

  it('never hold back the consent cookie itself, even when a pattern matches its name', () => {
    const { document, jar, keeper, manager } = setUp();
    keeper.connect(manager);
    document.cookie = 'consent=abc; Path=/';
    document.cookie = 'cart_id=1';
    expect([...jar.keys()]).toEqual(['consent']);
  });

  it('are gated through a descriptor a script captured after the gate was installed', () => {
    const { win, document, jar, keeper, manager } = setUp();
    keeper.connect(manager);
    const { set } = Object.getOwnPropertyDescriptor(win.Document.prototype, 'cookie')!;
    set!.call(document, '_ga=captured');
    expect(jar.has('_ga')).toBe(false);
    expect(keeper.blocked().analytics?.['cookie:_ga']?.dropped).toBe(1);
  });

  it('made before the manager connects wait for it, then are written or refused by the config', () => {
    const { document, jar, keeper, manager } = setUp();
    document.cookie = 'theme=dark';
    document.cookie = '_ga=early';
    expect(jar.size).toBe(0);
    keeper.connect(manager);
    expect([...jar.keys()]).toEqual(['theme']);
    expect(keeper.blocked().analytics?.['cookie:_ga']?.dropped).toBe(1);
  });

  it('through the Cookie Store API are refused and counted the same way, and resolve as if written', async () => {
    const { cookieStore, jar, keeper, manager } = setUp();
    keeper.connect(manager);
    await expect(cookieStore.set('_ga', '1')).resolves.toBeUndefined();
    await cookieStore.set({ name: 'ph_t_posthog', value: '2' });
    await cookieStore.set('theme', 'dark');
    expect([...jar.keys()]).toEqual(['theme']);
    expect(Object.keys(keeper.blocked().analytics!)).toEqual(['cookie:_ga', 'cookie:ph_t_posthog']);
    manager.acceptAll();
    await cookieStore.set('_ga', '3');
    expect(jar.get('_ga')).toBe('3');
  });
});

describe('storage writes', () => {
  it('refuse keys an optional category lists in localStorage and sessionStorage, and count them per store', () => {
    const { win, keeper, manager } = setUp();
    keeper.connect(manager);
    win.localStorage.setItem('ph_phc_abc_posthog', '{}');
    win.sessionStorage.setItem('tracker_queue', '[]');
    win.localStorage.setItem('cart', '3');
    win.localStorage.setItem('theme', 'dark');
    expect([...win.localStorage.items.keys()]).toEqual(['cart', 'theme']);
    expect(win.sessionStorage.items.size).toBe(0);
    expect(keeper.blocked()).toEqual({
      analytics: {
        'localStorage:ph_phc_abc_posthog': { held: 0, released: 0, dropped: 1 },
        'sessionStorage:tracker_queue': { held: 0, released: 0, dropped: 1 },
      },
    });
  });

  it('pass once the category is granted', () => {
    const { win, keeper, manager } = setUp();
    keeper.connect(manager);
    manager.acceptAll();
    win.localStorage.setItem('ph_id', '1');
    expect(win.localStorage.items.get('ph_id')).toBe('1');
  });

  it('a page without a consent config writes everything', () => {
    const { win, document, jar, keeper } = setUp();
    keeper.connect(null);
    document.cookie = '_ga=1';
    win.localStorage.setItem('ph_id', '1');
    expect(jar.has('_ga')).toBe(true);
    expect(win.localStorage.items.has('ph_id')).toBe(true);
  });
});

describe('IndexedDB', () => {
  it("creating a listed database is rolled back before the opener's upgrade handler runs, and counted; others are created", () => {
    const { indexedDB, keeper, manager } = setUp();
    keeper.connect(manager);
    const upgrades: string[] = [];
    for (const name of ['ph_events', 'shop-cache']) {
      const request = indexedDB.open(name) as unknown as EventTarget;
      request.addEventListener('upgradeneeded', () => upgrades.push(name));
      request.dispatchEvent(new Event('upgradeneeded'));
    }
    expect(indexedDB.requests.map((r) => r.aborted)).toEqual([true, false]);
    expect(upgrades).toEqual(['shop-cache']);
    expect(keeper.blocked().analytics).toEqual({ 'indexedDB:ph_events': { held: 0, released: 0, dropped: 1 } });
  });

  it('after a grant the database is created', () => {
    const { indexedDB, keeper, manager } = setUp();
    keeper.connect(manager);
    manager.acceptAll();
    (indexedDB.open('ph_events') as unknown as EventTarget).dispatchEvent(new Event('upgradeneeded'));
    expect(indexedDB.requests[0]!.aborted).toBe(false);
  });
});
