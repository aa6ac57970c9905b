import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import { compareVersions } from '../../../src/core/decision-rules.js';
import { ConsentConfigError, ConsentUsageError } from '../../../src/core/errors.js';
import { memoryEnvironment } from '../../fixtures/memory-environment.js';

const policy = { version: '2024-06', url: '/privacy' };
const withSeparate = parseConfig({
  policy,
  categories: [
    { id: 'necessary', required: true },
    { id: 'analytics' },
    { id: 'us-transfer', separate: true, label: 'Transfer to the United States', description: 'Sent to the licensor.' },
  ],
});

function manager(config = withSeparate) {
  const setup = memoryEnvironment();
  return { ...setup, manager: new ConsentManager(config, setup.env) };
}

describe('separate consent', () => {
  it('is never granted by "Accept all"', () => {
    const { manager: m } = manager();
    m.acceptAll('banner-accept-all');
    expect(m.has('analytics')).toBe(true);
    expect(m.has('us-transfer')).toBe(false);
  });

  it('is granted only by its own explicit choice, and "Accept all" later keeps that choice', () => {
    const { manager: m } = manager();
    m.update({ categories: { 'us-transfer': true }, ageConfirmed: true }, 'preferences-save');
    expect(m.has('us-transfer')).toBe(true);
    m.acceptAll();
    expect(m.has('us-transfer')).toBe(true);
    m.rejectAll();
    expect(m.has('us-transfer')).toBe(false);
  });

  it('needs its own notice text and cannot be required', () => {
    expect(() =>
      parseConfig({ policy, categories: [{ id: 'sensitive', label: 'Sensitive data', separate: true }] }),
    ).toThrow(/categories\[0\]\.description: separate consent needs its own notice text/);
    expect(() =>
      parseConfig({ policy, categories: [{ id: 'necessary', required: true, separate: true, description: 'x' }] }),
    ).toThrow(ConsentConfigError);
  });
});

describe('minors: the age confirmation', () => {
  it('is needed before marketing contact or separate consent can be on, and nothing changes without it', () => {
    const { manager: m, store } = manager();
    m.acceptAll();
    const stored = store.value;
    for (const choices of [{ contact: { email: { offers: true } } }, { categories: { 'us-transfer': true } }]) {
      expect(() => m.update(choices)).toThrow(ConsentUsageError);
      expect(() => m.update(choices)).toThrow(/confirm being 18 or older, or having a guardian's consent/);
    }
    expect(store.value).toBe(stored);
  });

  it('is recorded in the state and holds for later choices', () => {
    const { manager: m, env } = manager();
    m.update({ ageConfirmed: true });
    expect(m.state!.ageConfirmed).toBe(true);
    m.update({ contact: { phone: { feedback: true } } });
    expect(new ConsentManager(withSeparate, env).state!.contact.phone!.feedback).toBe(true);
  });

  it('withdrawn, turns marketing contact and separate consent off, but not other categories', () => {
    const { manager: m } = manager();
    m.update({
      categories: { analytics: true, 'us-transfer': true },
      contact: { email: { offers: true } },
      ageConfirmed: true,
    });
    m.update({ ageConfirmed: false });
    expect(m.has('analytics')).toBe(true);
    expect(m.has('us-transfer')).toBe(false);
    expect(m.state!.contact.email!.offers).toBe(false);
  });

  it('does not block strictly necessary cookies or ordinary categories', () => {
    const { manager: m } = manager();
    expect(m.has('necessary')).toBe(true);
    m.update({ categories: { analytics: true } });
    expect(m.has('analytics')).toBe(true);
  });

  it('is not asked for with minimumAge 0', () => {
    const { manager: m } = manager(parseConfig({ policy, minimumAge: 0 }));
    expect(m.needsAgeConfirmation).toBe(false);
    m.update({ contact: { email: { offers: true } } });
    expect(m.state!.contact.email!.offers).toBe(true);
  });
});

describe('contact preferences', () => {
  it('feedback surveys can be turned off on their own while offers stay on', () => {
    const { manager: m } = manager();
    m.update({ contact: { email: { offers: true, feedback: true } }, ageConfirmed: true });
    m.update({ contact: { email: { feedback: false } } });
    expect(m.state!.contact.email).toEqual({ offers: true, feedback: false });
  });
});

describe('policy changes', () => {
  it('reconsentBefore asks again only decisions made under older versions', () => {
    const { manager: m, env } = manager(parseConfig({ policy: { version: '2024-06', url: '/' } }));
    m.acceptAll();
    const later = (version: string, reconsentBefore: string) =>
      new ConsentManager(parseConfig({ policy: { version, url: '/', reconsentBefore } }), env);
    expect(later('2024-11', '2024-06').hasDecision).toBe(true);
    const asked = later('2025-03', '2024-11');
    expect(asked.hasDecision).toBe(false);
    expect(asked.staleReason).toBe('policy-changed');
  });

  it('a minor change keeps the choices and records the new version on the next save', () => {
    const { manager: m, env } = manager(parseConfig({ policy: { version: '2024-06', url: '/' } }));
    m.acceptAll();
    const next = new ConsentManager(parseConfig({ policy: { version: '2024-07', url: '/' } }), env);
    expect(next.state!.policyVersion).toBe('2024-06');
    expect(next.has('analytics')).toBe(true);
    expect(next.update({ categories: { marketing: false } })!.policyVersion).toBe('2024-07');
  });

  it('compares versions the way people write them', () => {
    expect(compareVersions('2024-06', '2024-11')).toBeLessThan(0);
    expect(compareVersions('v2', 'v10')).toBeLessThan(0);
    expect(compareVersions('3.1', '3.1')).toBe(0);
  });
});

describe('expiry', () => {
  it('reports an expired decision as the reason the visitor is asked again', () => {
    const { manager: m, env, clock } = manager();
    m.acceptAll();
    clock.advanceDays(365);
    expect(new ConsentManager(withSeparate, env).staleReason).toBe('expired');
  });
});
