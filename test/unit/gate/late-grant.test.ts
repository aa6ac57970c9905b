import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import { GateKeeper } from '../../../src/gate/gate-keeper.js';
import { memoryEnvironment } from '../../fixtures/memory-environment.js';

const config = parseConfig({
  policy: { version: '1', url: '/' },
  categories: [
    { id: 'necessary', required: true },
    { id: 'analytics', hosts: ['stats.example.com'], cookies: ['_ga'] },
    { id: 'marketing', hosts: ['ads.example.com'] },
  ],
});

function setUp() {
  let lateGrants = 0;
  const keeper = new GateKeeper(
    new EventTarget(),
    () => 'https://shop.test/',
    () => 'shop.test',
    () => lateGrants++,
  );
  const manager = new ConsentManager(config, memoryEnvironment().env);
  keeper.connect(manager);
  const sent: string[] = [];
  const request = (url: string) =>
    keeper.admit(
      url,
      'fetch',
      () => sent.push(url),
      () => {},
    );
  return { keeper, manager, sent, request, lateGrants: () => lateGrants };
}

describe('a grant after a denial on the same page', () => {
  it('when untagged code of the category showed itself while denied, takes effect only from the next load, and asks for it once', () => {
    const { keeper, manager, sent, request, lateGrants } = setUp();
    manager.rejectAll();
    request('https://stats.example.com/collect?recorded=while-denied');
    manager.acceptAll();
    expect(lateGrants()).toBe(1);
    expect(keeper.has('analytics')).toBe(false);
    expect(request('https://stats.example.com/collect?retry')).toBe('drop');
    expect(sent).toEqual([]);
    // The other category showed nothing while denied: its grant applies at once.
    expect(keeper.has('marketing')).toBe(true);
    expect(request('https://ads.example.com/p')).toBe('pass');
  });

  it('a refused cookie write while denied counts as untagged code running', () => {
    const { keeper, manager, lateGrants } = setUp();
    manager.rejectAll();
    keeper.write('cookie', '_ga', () => {});
    manager.update({ categories: { analytics: true } });
    expect(lateGrants()).toBe(1);
    expect(keeper.write('cookie', '_ga', () => {})).toBe(false);
  });

  it('when nothing of the category ran while denied (tagged scripts only), takes effect at once', () => {
    const { keeper, manager, request, lateGrants } = setUp();
    manager.rejectAll();
    manager.acceptAll();
    expect(lateGrants()).toBe(0);
    expect(keeper.has('analytics')).toBe(true);
    expect(request('https://stats.example.com/collect')).toBe('pass');
  });

  it('requests held before the decision and granted are sent: holding them was no denial', () => {
    const { manager, sent, request, lateGrants } = setUp();
    request('https://stats.example.com/collect?pageview');
    manager.acceptAll();
    expect(sent).toEqual(['https://stats.example.com/collect?pageview']);
    expect(lateGrants()).toBe(0);
  });
});
