import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import { followConsentMode, type GoogleTagGlobals } from '../../../src/gate/consent-mode.js';
import { GateKeeper } from '../../../src/gate/gate-keeper.js';
import { followWithdrawals } from '../../../src/gate/withdrawal.js';
import { memoryEnvironment } from '../../fixtures/memory-environment.js';

const config = parseConfig({
  policy: { version: '1', url: '/' },
  categories: [
    { id: 'necessary', required: true },
    {
      id: 'analytics',
      hosts: ['stats.example.com'],
      cookies: ['site_stats'],
      presets: ['baidu-tongji', 'ga4'],
      services: [{ id: 'clarity', presets: ['clarity'], storage: ['clarity_queue'] }],
    },
  ],
});

function setUp() {
  const manager = new ConsentManager(config, memoryEnvironment().env);
  const keeper = new GateKeeper(
    new EventTarget(),
    () => 'https://shop.test/',
    () => 'shop.test',
  );
  keeper.connect(manager);
  const verdict = (url: string) => keeper.judge(url).verdict;
  const writes = (name: string) => keeper.write('cookie', name, () => {});
  return { manager, keeper, verdict, writes };
}

describe('services: the gate follows the service', () => {
  it("holds every service's requests before a decision, and names the service that holds them", () => {
    const { keeper, verdict } = setUp();
    expect(verdict('https://hm.baidu.com/hm.gif')).toBe('hold');
    expect(keeper.judge('https://www.clarity.ms/tag/x').categories).toEqual(['analytics/clarity']);
    expect(keeper.judge('https://stats.example.com/hit').categories).toEqual(['analytics']);
  });

  it("lets one service's requests and cookies through and drops the other's", () => {
    const { manager, verdict, writes } = setUp();
    manager.allow('analytics/baidu-tongji');
    expect(verdict('https://hm.baidu.com/hm.gif')).toBe('pass');
    expect(writes('Hm_lvt_123')).toBe(true);
    expect(verdict('https://www.clarity.ms/tag/x')).toBe('drop');
    expect(writes('_clck')).toBe(false);
    // What the category lists itself waits for the whole category.
    expect(verdict('https://stats.example.com/hit')).toBe('drop');
    expect(writes('site_stats')).toBe(false);
  });

  it('passes everything once every service is granted', () => {
    const { manager, verdict } = setUp();
    manager.update({ categories: { analytics: true } });
    expect(verdict('https://www.clarity.ms/tag/x')).toBe('pass');
    expect(verdict('https://stats.example.com/hit')).toBe('pass');
  });

  it("deletes a withdrawn service's cookies and storage, and only that service's", () => {
    const manager = new ConsentManager(config, memoryEnvironment().env);
    const cookies: string[][] = [];
    const storage: string[][] = [];
    let reloads = 0;
    followWithdrawals(manager, {
      deleteCookies: (patterns) => cookies.push(patterns),
      deleteStorage: (patterns) => storage.push(patterns),
      reload: () => reloads++,
    });
    manager.update({ categories: { analytics: true } });
    cookies.length = 0;
    storage.length = 0;
    manager.update({ services: { analytics: { clarity: false } } });
    expect(reloads).toBe(1);
    expect(cookies.flat()).toEqual(expect.arrayContaining(['_clck', '_clsk', 'site_stats']));
    expect(cookies.flat()).not.toContain('/^Hm_lvt_/');
    expect(storage.flat()).toContain('clarity_queue');
  });

  it('grants analytics_storage with the ga4 service, not with another service of the category', () => {
    const manager = new ConsentManager(config, memoryEnvironment().env);
    const page: GoogleTagGlobals = {};
    followConsentMode(manager, page);
    const last = () =>
      (Array.from(page.dataLayer!.at(-1) as ArrayLike<unknown>)[2] as Record<string, string>).analytics_storage;
    manager.allow('analytics/clarity');
    expect(last()).toBe('denied');
    manager.allow('analytics/ga4');
    expect(last()).toBe('granted');
  });
});
