import { describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import { decodeRecord, encodeRecord } from '../../../src/core/cookie-codec.js';
import { ConsentConfigError, ConsentUsageError } from '../../../src/core/errors.js';
import type { ConsentEnvironment } from '../../../src/core/environment.js';
import { exampleConfig, minimalConfig } from '../../fixtures/configs.js';
import { MemoryStore, TabHub, memoryEnvironment } from '../../fixtures/memory-environment.js';

const config = parseConfig(minimalConfig);

function managerWith(overrides: Partial<ConsentEnvironment> = {}) {
  const setup = memoryEnvironment(overrides);
  return { ...setup, manager: new ConsentManager(config, setup.env) };
}

describe('ConsentManager before a decision', () => {
  it('grants only required categories and has no state', () => {
    const { manager } = managerWith();
    expect(manager.state).toBeNull();
    expect(manager.hasDecision).toBe(false);
    expect(manager.has('necessary')).toBe(true);
    expect(manager.has('analytics')).toBe(false);
    expect(manager.has('marketing')).toBe(false);
    expect(manager.has('no-such-category')).toBe(false);
  });

  it('reads a corrupted cookie as no decision without throwing', () => {
    const store = new MemoryStore();
    store.value = '1~garbage~~~';
    const manager = new ConsentManager(config, { ...memoryEnvironment().env, store });
    expect(manager.state).toBeNull();
    expect(manager.has('analytics')).toBe(false);
  });
});

describe('ConsentManager decisions', () => {
  it('acceptAll grants every optional category, stores it, and a new page load reads it back', () => {
    const { manager, env, store } = managerWith();
    const state = manager.acceptAll('banner-accept-all');
    expect(state?.categories).toEqual({ analytics: true, marketing: true });
    expect(state?.method).toBe('banner-accept-all');
    expect(decodeRecord(store.value)).toEqual(state);
    const reloaded = new ConsentManager(config, env);
    expect(reloaded.has('analytics')).toBe(true);
    expect(reloaded.state).toEqual(state);
  });

  it('acceptAll never opts the visitor into marketing contact', () => {
    const { manager } = managerWith();
    expect(manager.acceptAll()?.contact).toEqual({
      email: { offers: false, feedback: false },
      phone: { offers: false, feedback: false },
    });
  });

  it('rejectAll denies every optional category and every contact choice', () => {
    const { manager } = managerWith();
    manager.update({ categories: { analytics: true }, contact: { email: { offers: true } }, ageConfirmed: true });
    const state = manager.rejectAll('banner-reject-all');
    expect(state?.categories).toEqual({ analytics: false, marketing: false });
    expect(state?.contact.email).toEqual({ offers: false, feedback: false });
    expect(manager.has('analytics')).toBe(false);
    expect(manager.has('necessary')).toBe(true);
  });

  it('update changes only what it names and records contact choices per channel and topic', () => {
    const { manager } = managerWith();
    manager.update({ categories: { analytics: true } });
    const state = manager.update({ contact: { phone: { feedback: true } }, ageConfirmed: true }, 'preferences-save');
    expect(state?.categories).toEqual({ analytics: true, marketing: false });
    expect(state?.contact.phone).toEqual({ offers: false, feedback: true });
    expect(state?.method).toBe('preferences-save');
  });

  it('keeps the id and first decision time, and counts revisions', () => {
    const { manager, clock } = managerWith();
    const first = manager.acceptAll()!;
    clock.advanceDays(2);
    const second = manager.rejectAll()!;
    expect(second.id).toBe(first.id);
    expect(second.decidedAt).toBe(first.decidedAt);
    expect(second.updatedAt).not.toBe(first.updatedAt);
    expect([first.revision, second.revision]).toEqual([1, 2]);
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    [{ categories: { 'ad-tech': true } }, /unknown category "ad-tech"; the config has: analytics, marketing/],
    [{ categories: { necessary: false } }, /"necessary" is a required category/],
    [{ categories: { analytics: 'yes' as unknown as boolean } }, /categories\.analytics must be true or false/],
    [{ contact: { fax: { offers: true } } }, /unknown contact channel "fax"; the config has: email, phone/],
    [
      { contact: { email: { newsletter: true } } },
      /unknown contact topic "newsletter"; the config has: offers, feedback/,
    ],
  ])('update(%j) throws a usage error and keeps the recorded choice', (choices, message) => {
    const { manager, store } = managerWith();
    const before = manager.acceptAll();
    const stored = store.value;
    expect(() => manager.update(choices)).toThrow(ConsentUsageError);
    expect(() => manager.update(choices)).toThrow(message);
    expect(manager.state).toEqual(before);
    expect(store.value).toBe(stored);
  });

  it('reset forgets the decision here and asks again with a new id', () => {
    const { manager, store, env } = managerWith();
    const first = manager.acceptAll()!;
    manager.reset();
    expect(manager.state).toBeNull();
    expect(store.value).toBeUndefined();
    expect(new ConsentManager(config, env).state).toBeNull();
    expect(manager.acceptAll()!.id).not.toBe(first.id);
  });

  it('returns copies, so callers cannot change the decision behind its back', () => {
    const { manager } = managerWith();
    manager.rejectAll();
    manager.state!.categories.analytics = true;
    expect(manager.has('analytics')).toBe(false);
  });
});

describe('ConsentManager stored decisions that no longer count', () => {
  it('asks again after cookie.expiresDays, then continues the same record', () => {
    const { manager, env, clock } = managerWith();
    const first = manager.acceptAll()!;
    clock.advanceDays(364);
    expect(new ConsentManager(config, env).has('analytics')).toBe(true);
    clock.advanceDays(1);
    const later = new ConsentManager(config, env);
    expect(later.state).toBeNull();
    expect(later.has('analytics')).toBe(false);
    const renewed = later.rejectAll()!;
    expect(renewed.id).toBe(first.id);
    expect(renewed.revision).toBe(2);
  });

  it('asks again after a substantial policy change, but not after a minor one', () => {
    const { manager, env } = managerWith();
    manager.acceptAll();
    const minor = parseConfig({ policy: { version: '2025-01', url: '/privacy' } });
    expect(new ConsentManager(minor, env).has('analytics')).toBe(true);
    const substantial = parseConfig({ policy: { version: '2025-01', url: '/privacy', substantial: true } });
    expect(new ConsentManager(substantial, env).state).toBeNull();
  });

  it('treats a category added to the config after the decision as not granted', () => {
    const { manager, env } = managerWith();
    manager.acceptAll();
    const grown = parseConfig({
      ...minimalConfig,
      categories: [...exampleConfig.categories!, { id: 'video', label: 'Video' }],
    });
    const later = new ConsentManager(grown, env);
    expect(later.has('analytics')).toBe(true);
    expect(later.has('video')).toBe(false);
  });
});

describe('ConsentManager and Global Privacy Control', () => {
  it('acceptAll leaves honorGpc categories off while the browser sends GPC', () => {
    const { manager } = managerWith({ gpc: true });
    expect(manager.gpc).toBe(true);
    expect(manager.acceptAll('banner-accept-all')?.categories).toEqual({ analytics: true, marketing: false });
    expect(manager.has('marketing')).toBe(false);
  });

  it('an explicit per-category choice turns a honorGpc category on', () => {
    const { manager } = managerWith({ gpc: true });
    manager.update({ categories: { marketing: true } }, 'preferences-save');
    expect(manager.has('marketing')).toBe(true);
  });

  it('a stored "Accept all" gives way to GPC on the next load and is recorded as such', () => {
    const { manager, env } = managerWith();
    manager.acceptAll('banner-accept-all');
    const withGpc = new ConsentManager(config, { ...env, gpc: true });
    expect(withGpc.has('marketing')).toBe(false);
    expect(withGpc.has('analytics')).toBe(true);
    expect(withGpc.state).toMatchObject({ method: 'gpc', revision: 2 });
  });

  it('a stored explicit choice stands under GPC', () => {
    const { manager, env } = managerWith();
    manager.update({ categories: { marketing: true } }, 'preferences-save');
    expect(new ConsentManager(config, { ...env, gpc: true }).has('marketing')).toBe(true);
  });
});

describe('ConsentManager events', () => {
  it('tells change listeners about each decision and reset, and stops after unsubscribe', () => {
    const { manager } = managerWith();
    const seen: (string | null)[] = [];
    const off = manager.on('change', (state) => seen.push(state?.method ?? null));
    manager.acceptAll('banner-accept-all');
    manager.reset();
    off();
    manager.rejectAll();
    expect(seen).toEqual(['banner-accept-all', null]);
  });

  it('calls a ready listener that arrives after start at once, with the current state', () => {
    const { manager } = managerWith();
    const ready = vi.fn();
    manager.on('ready', ready);
    expect(ready).toHaveBeenCalledWith(null);
  });

  it('dispatches consent:ready and consent:change on the event target with the state as detail', () => {
    const events = new EventTarget();
    const seen: [string, unknown][] = [];
    for (const type of ['consent:ready', 'consent:change']) {
      events.addEventListener(type, (e) => seen.push([type, (e as CustomEvent).detail]));
    }
    const { manager } = managerWith({ events });
    const state = manager.rejectAll();
    expect(seen).toEqual([
      ['consent:ready', null],
      ['consent:change', state],
    ]);
  });

  it('keeps notifying other listeners when one throws', () => {
    vi.useFakeTimers();
    try {
      const { manager } = managerWith();
      const good = vi.fn();
      manager.on('change', () => {
        throw new Error('listener bug');
      });
      manager.on('change', good);
      manager.acceptAll();
      expect(good).toHaveBeenCalledOnce();
      expect(() => vi.runAllTimers()).toThrow('listener bug');
    } finally {
      vi.useRealTimers();
    }
  });

  it('whenGranted resolves once the category is granted', async () => {
    const { manager } = managerWith();
    let granted = false;
    const waiting = manager.whenGranted('analytics').then(() => (granted = true));
    manager.rejectAll();
    await Promise.resolve();
    expect(granted).toBe(false);
    manager.acceptAll();
    await waiting;
    expect(granted).toBe(true);
    await expect(manager.whenGranted('analytics')).resolves.toBeUndefined();
  });

  it('whenGranted rejects for a category the config does not have', async () => {
    const { manager } = managerWith();
    await expect(manager.whenGranted('ads')).rejects.toThrow(/unknown category "ads"/);
  });
});

describe('ConsentManager across tabs', () => {
  /** Two tabs of one browser: a shared cookie jar and a channel between them. */
  function twoTabs() {
    const hub = new TabHub();
    const { env } = memoryEnvironment();
    return [
      new ConsentManager(config, { ...env, tabs: hub.channel() }),
      new ConsentManager(config, { ...env, tabs: hub.channel() }),
    ] as const;
  }

  it('a decision in one tab reaches the other, which re-reads the shared cookie', () => {
    const [tabA, tabB] = twoTabs();
    const changes = vi.fn();
    tabB.on('change', changes);
    tabA.acceptAll();
    expect(tabB.has('analytics')).toBe(true);
    expect(changes).toHaveBeenCalledOnce();
    tabB.reset();
    expect(tabA.state).toBeNull();
  });

  it('two tabs deciding one after the other converge on the last decision', () => {
    const [tabA, tabB] = twoTabs();
    tabA.acceptAll();
    tabB.rejectAll();
    expect(tabA.state).toEqual(tabB.state);
    expect(tabA.has('analytics')).toBe(false);
  });

  it("two tabs deciding at the same moment, each not yet seeing the other's cookie, end on one decision", () => {
    const hub = new TabHub();
    hub.isQueued = true;
    // Separate jars: the worst case of a cookie written in one tab not yet visible in the other.
    const tabA = new ConsentManager(config, { ...memoryEnvironment().env, tabs: hub.channel() });
    const setupB = memoryEnvironment();
    const tabB = new ConsentManager(config, { ...setupB.env, tabs: hub.channel() });
    tabA.acceptAll();
    tabB.rejectAll();
    hub.deliver();
    expect(tabA.state).toEqual(tabB.state);
    expect(decodeRecord(setupB.store.value)).toEqual(tabB.state);
  });

  it('a write that another tab overwrote at the same moment is not called refused, and the tabs end on one decision', () => {
    const hub = new TabHub();
    hub.isQueued = true;
    const jar = new MemoryStore();
    const setupA = memoryEnvironment({ store: jar });
    const tabA = new ConsentManager(config, { ...setupA.env, tabs: hub.channel() });
    tabA.acceptAll();
    const fromA = jar.value!;
    // Tab B's write lands, then tab A's earlier write reaches the browser after it: B reads back A's cookie.
    const racing: MemoryStore = Object.assign(new MemoryStore(), {
      read: () => jar.value,
      write(value: string) {
        jar.value = value;
        jar.value = fromA;
        return jar.value === value;
      },
    });
    const setupB = memoryEnvironment({ store: racing });
    const tabB = new ConsentManager(config, { ...setupB.env, tabs: hub.channel() });
    tabB.rejectAll();
    hub.deliver();
    expect(setupB.warnings).toEqual([]);
    expect(tabB.state).toEqual(tabA.state);
  });

  it('a later decision heard from another tab wins over an earlier one here', () => {
    const hub = new TabHub();
    const setupA = memoryEnvironment();
    const setupB = memoryEnvironment();
    const tabA = new ConsentManager(config, { ...setupA.env, tabs: hub.channel() });
    const tabB = new ConsentManager(config, { ...setupB.env, tabs: hub.channel() });
    tabA.acceptAll();
    setupB.clock.advanceDays(1 / 86_400);
    tabB.rejectAll();
    expect(tabA.has('analytics')).toBe(false);
    expect(tabA.state).toEqual(tabB.state);
  });

  it('ignores a message that is not a valid decision, and re-reads the cookie instead', () => {
    const hub = new TabHub();
    const { env, store } = memoryEnvironment();
    const tab = new ConsentManager(config, { ...env, tabs: hub.channel() });
    tab.acceptAll();
    hub.channel().post('1~forged~~');
    expect(tab.has('analytics')).toBe(true);
    expect(decodeRecord(store.value)).toEqual(tab.state);
  });

  it('destroy stops listening to other tabs', () => {
    const [tabA, tabB] = twoTabs();
    tabB.destroy();
    tabA.acceptAll();
    expect(tabB.state).toBeNull();
  });
});

describe('ConsentManager when storage fails', () => {
  it('keeps the choice for this page, warns once, and ignores other tabs it cannot hear through the store', () => {
    const hub = new TabHub();
    const { env, store, warnings } = memoryEnvironment();
    store.accepts = false;
    const manager = new ConsentManager(config, { ...env, tabs: hub.channel() });
    manager.acceptAll();
    manager.rejectAll();
    manager.update({ categories: { analytics: true } });
    expect(manager.has('analytics')).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/did not keep the "consent" cookie/);
    hub.channel().post(null);
    expect(manager.has('analytics')).toBe(true);
  });
});

describe('ConsentManager when storage fails, with other tabs', () => {
  it("still follows a decision another tab sends in its message: that does not depend on this tab's store", () => {
    const hub = new TabHub();
    const refusing = memoryEnvironment();
    refusing.store.accepts = false;
    const tabA = new ConsentManager(config, { ...refusing.env, tabs: hub.channel() });
    tabA.acceptAll();
    const other = memoryEnvironment();
    other.clock.advanceDays(1 / 86_400);
    const tabB = new ConsentManager(config, { ...other.env, tabs: hub.channel() });
    tabB.rejectAll();
    expect(refusing.warnings).toHaveLength(1);
    expect(tabA.has('analytics')).toBe(false);
    expect(tabA.state).toEqual(tabB.state);
  });
});

describe('ConsentManager failing closed', () => {
  it('grants nothing, refuses decisions with a warning, and never touches the store', () => {
    const { env, store, warnings } = memoryEnvironment();
    const accepted = new ConsentManager(config, env).acceptAll()!;
    const stored = store.value;
    const error = new ConsentConfigError('invalid-config', ['policy.version: required']);
    const closed = new ConsentManager(config, env, error);
    expect(closed.configError).toBe(error);
    expect(closed.has('analytics')).toBe(false);
    expect(closed.has('necessary')).toBe(false);
    expect(closed.acceptAll()).toBeNull();
    closed.reset();
    expect(store.value).toBe(stored);
    expect(decodeRecord(store.value)).toEqual(accepted);
    expect(warnings.join('\n')).toMatch(/configuration is invalid/);
    expect(store.value).toBe(encodeRecord(accepted));
  });
});
