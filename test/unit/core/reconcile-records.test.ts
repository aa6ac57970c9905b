import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import type { DecisionKeeper } from '../../../src/core/decision-keeper.js';
import { nextRecord } from '../../../src/core/decision-record.js';
import { fitToConfig, identifyOnDevice, planIdentify } from '../../../src/core/reconcile-records.js';
import type { ConsentRecord } from '../../../src/schema/consent-record.js';

const config = parseConfig({ policy: { version: '1', url: '/' } });

function record(overrides: Partial<ConsentRecord>): ConsentRecord {
  return {
    id: '7b0f1c52-9a3e-4d1b-8c2f-3e5a6b7c8d9e',
    policyVersion: '1',
    categories: { analytics: true, marketing: false },
    contact: { email: { offers: false, feedback: false }, phone: { offers: false, feedback: false } },
    method: 'api',
    ageConfirmed: false,
    decidedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    revision: 1,
    ...overrides,
  };
}

describe('planning identify()', () => {
  it('sends the local decision again when the account has no record, or only a stale one', () => {
    const local = record({});
    expect(planIdentify(null, false, local, local, config)).toEqual({ do: 'resend' });
    expect(planIdentify(record({ id: 'a0000000-0000-4000-8000-000000000000' }), true, local, local, config)).toEqual({
      do: 'resend',
    });
  });

  it('does nothing when both are the same record', () => {
    const local = record({});
    expect(planIdentify(record({}), false, local, local, config)).toEqual({ do: 'nothing' });
  });

  it('adopts a newer account record as it is, continuing its revisions', () => {
    const local = record({ updatedAt: '2026-01-01T00:00:00.000Z' });
    const remote = record({
      id: 'a0000000-0000-4000-8000-000000000000',
      updatedAt: '2026-02-01T00:00:00.000Z',
      revision: 4,
    });
    const step = planIdentify(remote, false, local, local, config);
    expect(step).toMatchObject({ do: 'adopt', remote, previous: { id: remote.id, revision: 4 } });
  });

  it('keeps a newer local decision, as a new revision of the account record', () => {
    const local = record({ updatedAt: '2026-03-01T00:00:00.000Z' });
    const remote = record({
      id: 'a0000000-0000-4000-8000-000000000000',
      updatedAt: '2026-02-01T00:00:00.000Z',
      revision: 4,
    });
    expect(planIdentify(remote, false, local, local, config)).toMatchObject({
      do: 'continue',
      from: local,
      previous: { id: remote.id, revision: 4 },
    });
  });

  it('merges two different decisions of the same second, never turning a choice on', () => {
    const local = record({ categories: { analytics: true, marketing: false } });
    const remote = record({
      id: 'a0000000-0000-4000-8000-000000000000',
      categories: { analytics: false, marketing: true },
    });
    expect(planIdentify(remote, false, local, local, config)).toMatchObject({ do: 'merge', remote });
  });
});

describe('reconciling records with services', () => {
  const withServices = parseConfig({
    policy: { version: '1', url: '/' },
    categories: [
      { id: 'necessary', required: true },
      {
        id: 'analytics',
        presets: ['baidu-tongji'],
        services: [{ id: 'clarity', label: 'Clarity', presets: ['clarity'] }],
      },
      { id: 'marketing' },
    ],
  });
  const remoteId = 'a0000000-0000-4000-8000-000000000000';
  const partly = (clarity: boolean, baidu: boolean): Partial<ConsentRecord> =>
    clarity && baidu
      ? { categories: { analytics: true, marketing: false } }
      : clarity || baidu
        ? {
            categories: { analytics: false, marketing: false },
            services: { analytics: { clarity, 'baidu-tongji': baidu } },
          }
        : { categories: { analytics: false, marketing: false } };

  /** What identify() leaves in force on a device holding `local` once the endpoint answers `found`. */
  function identifiedOn(local: ConsentRecord, found: ConsentRecord): ConsentRecord {
    let inForce = local;
    const keeper = {
      inForce: local,
      previous: local,
      save: (next: ConsentRecord) => (inForce = next),
      putInForce: (next: ConsentRecord) => (inForce = next),
    } as unknown as DecisionKeeper;
    identifyOnDevice(found, false, withServices, keeper, (change) => {
      inForce = nextRecord(withServices, inForce, keeper.previous, change, local.updatedAt, () => local.id);
    });
    return inForce;
  }

  it('merging two decisions of the same second keeps a service on only where both have it on', () => {
    const local = record(partly(true, true));
    const remote = record({ id: remoteId, ...partly(false, true) });
    expect(planIdentify(remote, false, local, local, withServices)).toMatchObject({ do: 'merge' });
    const merged = identifiedOn(local, remote);
    expect(merged.categories).toEqual({ analytics: false, marketing: false });
    expect(merged.services).toEqual({ analytics: { clarity: false, 'baidu-tongji': true } });
    expect(merged.id).toBe(remoteId);
  });

  it('merging one service on here and another there leaves neither on, and the category denied whole', () => {
    const merged = identifiedOn(record(partly(true, false)), record({ id: remoteId, ...partly(false, true) }));
    expect(merged.categories.analytics).toBe(false);
    expect(merged).not.toHaveProperty('services');
  });

  it('adopts a newer account record with its services as it is', () => {
    const local = record(partly(true, true));
    const remote = record({ id: remoteId, updatedAt: '2026-02-01T00:00:00.000Z', revision: 3, ...partly(true, false) });
    expect(planIdentify(remote, false, local, local, withServices)).toMatchObject({ do: 'adopt', remote });
    expect(identifiedOn(local, remote)).toEqual(remote);
  });

  it('fitToConfig drops services and categories the config does not have, and turns missing services off', () => {
    const fitted = fitToConfig(
      record({
        categories: { analytics: false, marketing: false, video: false },
        services: { analytics: { clarity: true, hotjar: true }, video: { youtube: true, vimeo: false } },
      }),
      withServices,
    );
    expect(fitted.categories).toEqual({ analytics: false, marketing: false });
    expect(fitted.services).toEqual({ analytics: { clarity: true, 'baidu-tongji': false } });
  });

  it('fitToConfig records a category whose remaining services are all on as granted whole', () => {
    const fitted = fitToConfig(
      record({
        categories: { analytics: false, marketing: false },
        services: { analytics: { clarity: true, 'baidu-tongji': true, hotjar: false } },
      }),
      withServices,
    );
    expect(fitted.categories.analytics).toBe(true);
    expect(fitted).not.toHaveProperty('services');
  });

  it('fitToConfig reads a record made before the category had services as the same decision', () => {
    const old = record({ categories: { analytics: true, marketing: false } });
    expect(fitToConfig(old, withServices)).toEqual(old);
    expect(planIdentify(old, false, old, old, withServices)).toEqual({ do: 'nothing' });
  });
});
