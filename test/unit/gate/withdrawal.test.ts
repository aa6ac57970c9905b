import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import type { ConsentConfigInput } from '../../../src/schema/config.js';
import { followWithdrawals } from '../../../src/gate/withdrawal.js';
import { memoryEnvironment } from '../../fixtures/memory-environment.js';

function setUp(extra: Partial<ConsentConfigInput> = {}) {
  const config = parseConfig({
    policy: { version: '1', url: '/' },
    categories: [
      { id: 'necessary', required: true, cookies: ['session_id'] },
      { id: 'analytics', cookies: ['_ga', '/^_hm/'], storage: ['/^ph_/'] },
      { id: 'marketing', presets: ['clarity'] },
    ],
    ...extra,
  });
  const { env, store } = memoryEnvironment();
  const manager = new ConsentManager(config, env);
  const deleted: string[][] = [];
  const deletedStorage: string[][] = [];
  const saved: (string | undefined)[] = [];
  followWithdrawals(manager, {
    deleteCookies: (patterns) => deleted.push(patterns),
    deleteStorage: (patterns) => deletedStorage.push(patterns),
    // What a reload would see: the decision must already be stored.
    reload: () => saved.push(store.value),
  });
  return { manager, deleted, deletedStorage, saved, store };
}

describe('withdrawal', () => {
  it("a denial deletes the denied categories' storage keys and databases as well as their cookies", () => {
    const { manager, deletedStorage } = setUp();
    manager.acceptAll();
    expect(deletedStorage).toEqual([]);
    manager.update({ categories: { analytics: false } });
    expect(deletedStorage).toEqual([['/^ph_/']]);
  });

  it('withdrawing a granted category deletes its cookies and reloads once, after the decision is saved', () => {
    const { manager, deleted, saved, store } = setUp();
    manager.acceptAll();
    expect(saved).toEqual([]);
    manager.update({ categories: { analytics: false } });
    expect(deleted.at(-1)).toEqual(['_ga', '/^_hm/']);
    expect(saved).toEqual([store.value]);
    expect(manager.has('analytics')).toBe(false);
    manager.rejectAll();
    expect(saved).toHaveLength(1);
  });

  it('a first "Reject all" deletes leftover cookies but does not reload', () => {
    const { manager, deleted, saved } = setUp();
    manager.rejectAll();
    expect(deleted).toEqual([['_ga', '/^_hm/', '_clck', '_clsk']]);
    expect(saved).toEqual([]);
  });

  it('never deletes the cookies of required or granted categories', () => {
    const { manager, deleted } = setUp();
    manager.update({ categories: { analytics: true } });
    expect(deleted).toEqual([['_clck', '_clsk']]);
  });

  it('reset() after a grant counts as a withdrawal', () => {
    const { manager, saved } = setUp();
    manager.acceptAll();
    manager.reset();
    expect(saved).toHaveLength(1);
  });

  it('with reloadOnWithdraw off, deletes the cookies but does not reload', () => {
    const { manager, deleted, saved } = setUp({ reloadOnWithdraw: false });
    manager.acceptAll();
    manager.rejectAll();
    expect(deleted.at(-1)).toEqual(['_ga', '/^_hm/', '_clck', '_clsk']);
    expect(saved).toEqual([]);
  });
});
