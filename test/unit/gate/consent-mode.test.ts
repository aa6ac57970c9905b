import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import type { ConsentConfigInput } from '../../../src/schema/config.js';
import { followConsentMode, usesConsentMode, type GoogleTagGlobals } from '../../../src/gate/consent-mode.js';
import { memoryEnvironment } from '../../fixtures/memory-environment.js';

const base: ConsentConfigInput = { policy: { version: '1', url: '/' } };
const managerFor = (config: Partial<ConsentConfigInput> = {}, env = memoryEnvironment().env) =>
  new ConsentManager(parseConfig({ ...base, ...config }), env);
/** dataLayer entries as plain arrays; they must be `arguments` objects, as gtag() pushes them. */
const commands = (page: GoogleTagGlobals) =>
  page.dataLayer!.map((entry) => {
    expect(Object.prototype.toString.call(entry)).toBe('[object Arguments]');
    return Array.from(entry as ArrayLike<unknown>);
  });

const denied = {
  analytics_storage: 'denied',
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
};

describe('Google Consent Mode', () => {
  it('pushes "default" with every signal denied and wait_for_update, and no update before a decision', () => {
    const page: GoogleTagGlobals = {};
    followConsentMode(managerFor(), page);
    expect(commands(page)).toEqual([['consent', 'default', { ...denied, wait_for_update: 500 }]]);
  });

  it('pushes an "update" matching each decision', () => {
    const page: GoogleTagGlobals = { dataLayer: [] };
    const manager = managerFor();
    followConsentMode(manager, page);
    manager.update({ categories: { analytics: true } });
    manager.acceptAll();
    manager.rejectAll();
    expect(commands(page).slice(1)).toEqual([
      ['consent', 'update', { ...denied, analytics_storage: 'granted' }],
      [
        'consent',
        'update',
        { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
      ],
      ['consent', 'update', denied],
    ]);
  });

  it('a returning visitor gets the default, then at once the update for the stored decision', () => {
    const setup = memoryEnvironment();
    managerFor({}, setup.env).update({ categories: { analytics: true } });
    const page: GoogleTagGlobals = {};
    followConsentMode(managerFor({}, setup.env), page);
    expect(commands(page).map((c) => c[1])).toEqual(['default', 'update']);
    expect(commands(page)[1]![2]).toEqual({ ...denied, analytics_storage: 'granted' });
  });

  it('follows a custom mapping: a signal is granted only while all its categories are', () => {
    const page: GoogleTagGlobals = {};
    const manager = managerFor({
      categories: [{ id: 'analytics' }, { id: 'marketing' }, { id: 'ads', label: 'Ads' }],
      consentMode: {
        mapping: { ad_storage: ['marketing', 'ads'], analytics_storage: ['analytics'] },
        waitForUpdate: 2000,
      },
    });
    followConsentMode(manager, page);
    manager.update({ categories: { marketing: true } });
    manager.update({ categories: { ads: true } });
    expect(commands(page)[0]![2]).toMatchObject({ wait_for_update: 2000 });
    expect(
      commands(page)
        .slice(1)
        .map((c) => (c[2] as Record<string, string>).ad_storage),
    ).toEqual(['denied', 'granted']);
  });

  it('puts "default" and a stored decision\'s update before commands the page queued first, while gtag.js has not taken the queue over', () => {
    function queued(..._command: unknown[]) {
      // biome-ignore lint/complexity/noArguments: what the page's gtag() snippet queues is an `arguments` object.
      return arguments;
    }
    const page: GoogleTagGlobals = { dataLayer: [queued('js', 'now'), queued('config', 'G-1')] };
    followConsentMode(managerFor(), page);
    expect(commands(page).map((c) => c.slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['js', 'now'],
      ['config', 'G-1'],
    ]);

    // A returning visitor's update goes first too, so the first hit Google's tag sends already follows it.
    const setup = memoryEnvironment();
    managerFor({}, setup.env).acceptAll();
    const returning: GoogleTagGlobals = { dataLayer: [queued('js', 'now')] };
    followConsentMode(managerFor({}, setup.env), returning);
    expect(commands(returning).map((c) => c.slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['consent', 'update'],
      ['js', 'now'],
    ]);

    // Once gtag.js has read the queue it owns dataLayer.push, and order there is its own: append, never reorder.
    const read: unknown[] = [];
    const loaded: GoogleTagGlobals = {
      dataLayer: Object.assign([queued('js', 'now')], { push: (entry: unknown) => read.push(entry) }),
    };
    followConsentMode(managerFor(), loaded);
    expect(commands(loaded).map((c) => c[0])).toEqual(['js']);
    expect(read.map((entry) => Array.from(entry as ArrayLike<unknown>).slice(0, 2))).toEqual([['consent', 'default']]);
  });

  it("uses the page's own gtag() when it has one", () => {
    const calls: unknown[][] = [];
    const page: GoogleTagGlobals = { gtag: (...args) => calls.push(args) };
    followConsentMode(managerFor(), page);
    expect(calls).toEqual([['consent', 'default', { ...denied, wait_for_update: 500 }]]);
    expect(page.dataLayer).toBeUndefined();
  });

  it('"auto" turns on for the ga4 preset or a page with dataLayer or gtag, and off otherwise', () => {
    expect(usesConsentMode(managerFor(), {})).toBe(false);
    expect(usesConsentMode(managerFor(), { dataLayer: [] })).toBe(true);
    expect(usesConsentMode(managerFor(), { gtag: () => {} })).toBe(true);
    expect(usesConsentMode(managerFor({ categories: [{ id: 'analytics', presets: ['ga4'] }] }), {})).toBe(true);
    expect(usesConsentMode(managerFor({ consentMode: { enabled: false } }), { dataLayer: [] })).toBe(false);
    expect(usesConsentMode(managerFor({ consentMode: { enabled: true } }), {})).toBe(true);
  });
});
