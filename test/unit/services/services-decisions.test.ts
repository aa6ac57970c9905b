import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import { decodeRecord, encodeRecord } from '../../../src/core/cookie-codec.js';
import { ConsentUsageError } from '../../../src/core/errors.js';
import { MemoryStore, memoryEnvironment } from '../../fixtures/memory-environment.js';

const config = parseConfig({
  policy: { version: '1', url: '/' },
  categories: [
    { id: 'necessary', required: true, services: [{ id: 'session', label: 'Session' }] },
    {
      id: 'analytics',
      presets: ['baidu-tongji'],
      services: [{ id: 'clarity', label: 'Microsoft Clarity', presets: ['clarity'] }],
    },
    { id: 'marketing' },
  ],
});

function managerWith(store = new MemoryStore()) {
  const { env } = memoryEnvironment({ store });
  return { store, manager: new ConsentManager(config, env) };
}

describe('services: what a decision records', () => {
  it('turns each preset of a category into a service of its name, after the listed services', () => {
    const analytics = config.categories.find((c) => c.id === 'analytics')!;
    expect(analytics.services.map((s) => s.id)).toEqual(['clarity', 'baidu-tongji']);
    expect(analytics.services[1]!.hosts).toEqual(['hm.baidu.com', 'hmcdn.baidu.com']);
    // The category answers for its own lists and its services'.
    expect(analytics.hosts).toEqual(expect.arrayContaining(['hm.baidu.com', '*.clarity.ms']));
  });

  it('grants one service with allow(), leaving the other and the category off', () => {
    const { manager } = managerWith();
    const state = manager.allow('analytics/baidu-tongji', 'embed');
    expect(state?.method).toBe('embed');
    expect(state?.categories).toEqual({ analytics: false, marketing: false });
    expect(state?.services).toEqual({ analytics: { clarity: false, 'baidu-tongji': true } });
    expect(manager.has('analytics/baidu-tongji')).toBe(true);
    expect(manager.has('analytics/clarity')).toBe(false);
    expect(manager.has('analytics')).toBe(false);
  });

  it('records a category whose services are all on as granted, with no services entry', () => {
    const { manager } = managerWith();
    manager.allow('analytics/baidu-tongji');
    const state = manager.allow('analytics/clarity');
    expect(state?.categories.analytics).toBe(true);
    expect(state?.services).toBeUndefined();
    expect(manager.has('analytics')).toBe(true);
  });

  it('sets the category first, then single services, in update()', () => {
    const { manager } = managerWith();
    manager.update({ categories: { analytics: true }, services: { analytics: { clarity: false } } });
    expect(manager.has('analytics/baidu-tongji')).toBe(true);
    expect(manager.has('analytics/clarity')).toBe(false);
    // A category switched off as a whole takes every service with it.
    manager.update({ categories: { analytics: false } });
    expect(manager.has('analytics/baidu-tongji')).toBe(false);
    expect(manager.state?.services).toBeUndefined();
  });

  it('keeps a category granted in part when another choice changes', () => {
    const { manager } = managerWith();
    manager.allow('analytics/clarity');
    manager.update({ categories: { marketing: true } });
    expect(manager.has('analytics/clarity')).toBe(true);
    expect(manager.has('analytics/baidu-tongji')).toBe(false);
  });

  it('accepts and rejects every service with the banner buttons', () => {
    const { manager } = managerWith();
    manager.allow('analytics/clarity');
    manager.acceptAll('banner-accept-all');
    expect(manager.has('analytics/baidu-tongji')).toBe(true);
    manager.rejectAll('banner-reject-all');
    expect(manager.has('analytics/clarity')).toBe(false);
  });

  it('answers every service of a required category, and nothing for unknown ids', () => {
    const { manager } = managerWith();
    expect(manager.has('necessary/session')).toBe(true);
    expect(manager.has('analytics/nope')).toBe(false);
    expect(manager.has('analytics/clarity/extra')).toBe(false);
    expect(manager.has('marketing/clarity')).toBe(false);
  });

  it('reads a decision stored before the category had services as the same decision', () => {
    const store = new MemoryStore();
    // A format-1 cookie, as an earlier version wrote it: analytics granted, marketing denied.
    const record = {
      id: '0a1b2c3d-4e5f-4a1b-8c2d-3e4f5a6b7c8d',
      policyVersion: '1',
      categories: { analytics: true, marketing: false },
      contact: {},
      method: 'preferences-save' as const,
      ageConfirmed: false,
      decidedAt: '2025-01-10T00:00:00.000Z',
      updatedAt: '2025-01-10T00:00:00.000Z',
      revision: 1,
    };
    store.value = encodeRecord(record);
    expect(store.value.startsWith('1~')).toBe(true);
    const { manager } = managerWith(store);
    expect(manager.state).toEqual(record);
    expect(manager.has('analytics/clarity')).toBe(true);
    expect(manager.has('analytics/baidu-tongji')).toBe(true);
  });

  it('stores a category granted in part in the cookie, and a new page load reads it back', () => {
    const { manager, store } = managerWith();
    const state = manager.allow('analytics/clarity');
    expect(store.value?.startsWith('2~')).toBe(true);
    expect(decodeRecord(store.value)).toEqual(state);
    expect(managerWith(store).manager.has('analytics/clarity')).toBe(true);
  });

  it('names an unknown service, a non-boolean and a required service switched off', () => {
    const { manager } = managerWith();
    expect(() => manager.update({ services: { analytics: { nope: true } } })).toThrow(
      /unknown service "analytics\/nope".*analytics\/clarity/,
    );
    expect(() => manager.allow('analytics/nope')).toThrow(ConsentUsageError);
    expect(() => manager.update({ services: { analytics: { clarity: 'yes' as never } } })).toThrow(
      /services\.analytics\.clarity must be true or false/,
    );
    expect(() => manager.update({ services: { necessary: { session: false } } })).toThrow(/required category/);
    expect(manager.state).toBeNull();
  });
});

describe('services in the cookie', () => {
  const base = {
    id: '0a1b2c3d-4e5f-4a1b-8c2d-3e4f5a6b7c8d',
    policyVersion: '1',
    categories: { analytics: false },
    contact: {},
    method: 'embed' as const,
    ageConfirmed: false,
    decidedAt: '2025-01-10T00:00:00.000Z',
    updatedAt: '2025-01-10T00:00:00.000Z',
    revision: 1,
  };

  it('reads nothing from a format-2 cookie with more services than a record may hold', () => {
    const many = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`s${i}`, i % 2 === 0]));
    const value = encodeRecord({ ...base, services: { analytics: many } });
    expect(decodeRecord(value)).toBeNull();
    const fine = { ...base, services: { analytics: { a: true, b: false } } };
    expect(decodeRecord(encodeRecord(fine))).toEqual(fine);
  });

  it('reads nothing from a format-2 cookie whose services field was edited', () => {
    const value = encodeRecord({ ...base, services: { analytics: { a: true, b: false } } });
    expect(decodeRecord(value.replace('analytics:a', 'analytics:c'))).toBeNull();
    expect(decodeRecord(value.replace(/^2~/, '1~'))).toBeNull();
  });
});
