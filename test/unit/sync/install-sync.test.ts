// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { pageEntry, setPageEntry } from '../../../src/browser/page-registry.js';
import type { OutboxEntry } from '../../../src/schema/outbox.js';
import { installSync } from '../../../src/sync/install-sync.js';
import { RECORD_ID_A, RECORD_ID_B, record } from '../../fixtures/consent-bodies.js';

const config = parseConfig({
  policy: { version: '2024-06', url: '/privacy' },
  categories: [
    { id: 'necessary', required: true },
    { id: 'analytics' },
    {
      id: 'transfer',
      label: 'Transfer to the licensor',
      description: 'Your data may go to the licensor in the United States.',
      separate: true,
    },
  ],
  endpoint: '/consent-api',
});
const factory = () => pageEntry('sync')!;
const outboxIn = (text: string | null | undefined) => JSON.parse(text ?? '[]') as OutboxEntry[];

describe('installSync in a browser page', () => {
  let sent: Request[];
  beforeEach(() => {
    sent = [];
    // Nothing leaves the test: every request is recorded and left unanswered.
    vi.stubGlobal('fetch', (input: string, init: RequestInit) => {
      sent.push(new Request(new URL(input, location.href), init));
      return new Promise(() => {});
    });
    document.documentElement.lang = 'zh-CN';
    localStorage.clear();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setPageEntry('sync', undefined);
  });

  it('registers one factory and makes no request by itself', () => {
    installSync();
    const first = factory();
    installSync();
    expect(factory()).toBe(first);
    factory()(config);
    expect(sent).toEqual([]);
  });

  it('keeps changes in localStorage with the notice shown: language, policy URL, text hash, separate purposes', async () => {
    installSync();
    const sync = factory()(config);
    await vi.waitFor(async () => {
      // The notice hashes are made when the client starts; wait until they are there.
      sync.push(record());
      const [entry] = outboxIn(localStorage.getItem('consent-kit:consent-outbox')).slice(-1);
      expect(entry?.kind === 'put' && entry.notice.textHash).toMatch(/^[0-9a-f]{64}$/);
    });
    const entry = outboxIn(localStorage.getItem('consent-kit:consent-outbox')).at(-1)!;
    expect(entry.kind === 'put' && entry.notice).toMatchObject({
      language: 'zh-CN',
      policyUrl: new URL('/privacy', location.href).href,
      separateConsent: ['transfer'],
    });
    expect(sent[0]!.url).toBe(
      new URL('/consent-api/v1/consents/3f6c2a1e-8b4d-4c2a-9e1f-0a1b2c3d4e5f', location.href).href,
    );
    expect(sent[0]!.method).toBe('PUT');
  });

  it('with Web Locks, a page keeps its changes under its own key and sends those of a page that has gone, not of one alive', async () => {
    // Web Locks as a browser grants them: one holder per name; `ifAvailable` gets null while someone holds it.
    const held = new Set(['consent-kit:consent-outbox.live']);
    const locks = {
      request(name: string, ...rest: [object, (lock: object | null) => unknown] | [(lock: object | null) => unknown]) {
        const [options, callback] = rest.length === 2 ? rest : [{}, rest[0]];
        if (held.has(name) && (options as { ifAvailable?: boolean }).ifAvailable)
          return Promise.resolve(callback(null));
        held.add(name);
        return Promise.resolve(callback({ name }));
      },
    };
    vi.stubGlobal('navigator', Object.create(navigator, { locks: { value: locks } }));
    const left = (id: string) =>
      JSON.stringify([
        {
          kind: 'put',
          key: `left-by-${id}-0000000`,
          record: record({ id }),
          notice: { language: 'en', policyUrl: 'https://www.example.com/privacy' },
        },
      ]);
    localStorage.setItem('consent-kit:consent-outbox.gone', left(RECORD_ID_A));
    localStorage.setItem('consent-kit:consent-outbox.live', left(RECORD_ID_B));
    installSync();
    const sync = factory()(config);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.url).toMatch(new RegExp(`/v1/consents/${RECORD_ID_A}$`));
    expect(held).toContain('consent-kit:consent-outbox.gone');
    sync.push(record({ id: RECORD_ID_B }));
    const own = Object.keys(localStorage).filter(
      (key) => !['consent-kit:consent-outbox.gone', 'consent-kit:consent-outbox.live'].includes(key),
    );
    expect(own).toEqual([expect.stringMatching(/^consent-kit:consent-outbox\.[0-9a-f-]{36}$/)]);
    expect(held).toContain(own[0]);
    expect(outboxIn(localStorage.getItem('consent-kit:consent-outbox.live'))).toHaveLength(1); // the live page's, untouched
  });

  it('falls back to a cookie when localStorage refuses', () => {
    // As in a sandboxed frame or with site data blocked: reading localStorage throws.
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')!;
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      installSync();
      factory()(config).push(record());
      const cookie = document.cookie.split('; ').find((c) => c.startsWith('consent-outbox='));
      expect(outboxIn(decodeURIComponent(cookie!.split('=')[1]!)).map((e) => e.kind)).toEqual(['put']);
    } finally {
      Object.defineProperty(globalThis, 'localStorage', original);
    }
  });
});
