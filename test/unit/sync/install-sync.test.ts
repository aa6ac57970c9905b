// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { SYNC_REGISTRY, type SyncFactory } from '../../../src/core/environment.js';
import type { OutboxEntry } from '../../../src/schema/outbox.js';
import { installSync } from '../../../src/sync/install-sync.js';
import { record } from '../../fixtures/consent-bodies.js';

const config = parseConfig({
  policy: { version: '2024-06', url: '/privacy' },
  categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'transfer', label: 'Transfer to the licensor', description: 'Your data may go to the licensor in the United States.', separate: true }],
  endpoint: '/consent-api',
});
const factory = () => (globalThis as { [SYNC_REGISTRY]?: SyncFactory })[SYNC_REGISTRY]!;
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
    delete (globalThis as { [SYNC_REGISTRY]?: SyncFactory })[SYNC_REGISTRY];
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
      language: 'zh-CN', policyUrl: new URL('/privacy', location.href).href, separateConsent: ['transfer'],
    });
    expect(sent[0]!.url).toBe(new URL('/consent-api/v1/consents/3f6c2a1e-8b4d-4c2a-9e1f-0a1b2c3d4e5f', location.href).href);
    expect(sent[0]!.method).toBe('PUT');
  });

  it('falls back to a cookie when localStorage refuses', () => {
    // As in a sandboxed frame or with site data blocked: reading localStorage throws.
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')!;
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError'); } });
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
