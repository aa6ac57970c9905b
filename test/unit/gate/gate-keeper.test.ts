import { describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import type { BlockedDetail } from '../../../src/gate/blocked-log.js';
import { GateKeeper } from '../../../src/gate/gate-keeper.js';
import { memoryEnvironment } from '../../fixtures/memory-environment.js';

const config = parseConfig({
  policy: { version: '1', url: '/' },
  categories: [
    { id: 'necessary', required: true },
    { id: 'analytics', hosts: ['stats.example.com'] },
    { id: 'marketing' },
  ],
  requestQueueSize: 3,
});

function setUp() {
  const events = new EventTarget();
  const blocked: BlockedDetail[] = [];
  events.addEventListener('consent:blocked', (e) => blocked.push((e as CustomEvent<BlockedDetail>).detail));
  const keeper = new GateKeeper(
    events,
    () => 'https://shop.test/page',
    () => 'shop.test',
  );
  const manager = new ConsentManager(config, memoryEnvironment().env);
  const log: string[] = [];
  const request = (url: string) =>
    keeper.admit(
      url,
      'fetch',
      () => log.push(`sent ${url}`),
      () => log.push(`refused ${url}`),
    );
  return { keeper, manager, log, request, blocked };
}

const stats = (n: number) => `https://stats.example.com/collect?n=${n}`;

describe('GateKeeper', () => {
  it("before the manager connects, holds requests to other hosts and passes the page's own", () => {
    const { keeper, request, log } = setUp();
    expect(request('/api/cart')).toBe('pass');
    expect(request('https://cdn.unlisted.test/lib.js')).toBe('hold');
    expect(request(stats(1))).toBe('hold');
    expect(request('data:text/plain,hi')).toBe('pass');
    expect(log).toEqual(['sent /api/cart', 'sent data:text/plain,hi']);
    expect(keeper.blocked()).toEqual({});
  });

  it('on connecting, releases requests to unlisted hosts and keeps holding listed ones until a decision', () => {
    const { keeper, manager, request, log } = setUp();
    request('https://cdn.unlisted.test/lib.js');
    request(stats(1));
    keeper.connect(manager);
    expect(log).toEqual(['sent https://cdn.unlisted.test/lib.js']);
    expect(keeper.blocked()).toEqual({ analytics: { 'stats.example.com': { held: 1, released: 0, dropped: 0 } } });
  });

  it('never touches hosts no category lists', () => {
    const { keeper, manager, request } = setUp();
    keeper.connect(manager);
    expect(request('https://cdn.unlisted.test/lib.js')).toBe('pass');
    expect(request('https://example.com/')).toBe('pass');
  });

  it('a grant sends the held requests once each, in order, and later ones at once', () => {
    const { keeper, manager, request, log } = setUp();
    keeper.connect(manager);
    for (const n of [1, 2, 3]) request(stats(n));
    expect(log).toEqual([]);
    manager.update({ categories: { analytics: true } });
    manager.update({ categories: { marketing: true } });
    expect(log).toEqual([`sent ${stats(1)}`, `sent ${stats(2)}`, `sent ${stats(3)}`]);
    expect(request(stats(4))).toBe('pass');
    expect(keeper.blocked().analytics!['stats.example.com']).toEqual({ held: 3, released: 3, dropped: 0 });
  });

  it('a denial drops the held requests, refuses later ones, counts them and says so with consent:blocked', () => {
    const { keeper, manager, request, log, blocked } = setUp();
    keeper.connect(manager);
    request(stats(1));
    manager.rejectAll();
    expect(request(stats(2))).toBe('drop');
    expect(log).toEqual([`refused ${stats(1)}`, `refused ${stats(2)}`]);
    expect(blocked).toEqual([
      { categories: ['analytics'], host: 'stats.example.com', url: stats(1), kind: 'fetch', reason: 'denied' },
      { categories: ['analytics'], host: 'stats.example.com', url: stats(2), kind: 'fetch', reason: 'denied' },
    ]);
    expect(keeper.blocked()).toEqual({ analytics: { 'stats.example.com': { held: 1, released: 0, dropped: 2 } } });
  });

  it('holds at most requestQueueSize requests: the oldest is dropped and counted', () => {
    const { keeper, manager, request, log, blocked } = setUp();
    keeper.connect(manager);
    for (const n of [1, 2, 3, 4, 5]) request(stats(n));
    expect(log).toEqual([`refused ${stats(1)}`, `refused ${stats(2)}`]);
    expect(blocked.map((b) => `${b.url} ${b.reason}`)).toEqual([`${stats(1)} overflow`, `${stats(2)} overflow`]);
    manager.acceptAll();
    expect(log.slice(2)).toEqual([`sent ${stats(3)}`, `sent ${stats(4)}`, `sent ${stats(5)}`]);
    expect(keeper.blocked().analytics!['stats.example.com']).toEqual({ held: 5, released: 3, dropped: 2 });
  });

  it('requests for fixed categories (manager.beacon) follow those categories, not the host', () => {
    const { keeper, manager, log } = setUp();
    keeper.connect(manager);
    const send = () =>
      keeper.admit(
        'https://cdn.unlisted.test/b',
        'beacon',
        () => log.push('sent'),
        () => log.push('refused'),
        ['marketing'],
      );
    expect(send()).toBe('hold');
    manager.update({ categories: { marketing: true } });
    expect(log).toEqual(['sent']);
    manager.update({ categories: { marketing: false } });
    expect(send()).toBe('drop');
    expect(log).toEqual(['sent', 'refused']);
    expect(keeper.blocked()).toEqual({ marketing: { 'cdn.unlisted.test': { held: 1, released: 1, dropped: 1 } } });
  });

  it('a release that throws does not stop the others, and its error still surfaces', () => {
    vi.useFakeTimers();
    try {
      const { keeper, manager, log } = setUp();
      keeper.connect(manager);
      keeper.admit(
        stats(1),
        'xhr',
        () => {
          throw new Error('InvalidStateError: the page aborted this XHR');
        },
        () => {},
      );
      keeper.admit(
        stats(2),
        'fetch',
        () => log.push('sent 2'),
        () => {},
      );
      manager.acceptAll();
      expect(log).toEqual(['sent 2']);
      expect(() => vi.runAllTimers()).toThrow('the page aborted this XHR');
    } finally {
      vi.useRealTimers();
    }
  });

  it('with a failed config it lists no host, so it holds nothing', () => {
    const { keeper, request, log } = setUp();
    request('https://cdn.unlisted.test/lib.js');
    keeper.connect(null);
    expect(log).toEqual(['sent https://cdn.unlisted.test/lib.js']);
    expect(request(stats(1))).toBe('pass');
  });
});
