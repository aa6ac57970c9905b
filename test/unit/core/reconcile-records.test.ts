import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import { planIdentify } from '../../../src/core/reconcile-records.js';
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
