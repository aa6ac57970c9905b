import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum } from '../../../src/core/checksum.js';
import { ConsentManager } from '../../../src/core/consent-manager.js';
import { parseConfig } from '../../../src/core/config.js';
import { decodeRecord, encodeRecord } from '../../../src/core/cookie-codec.js';
import { ConsentRecordSchema, type ConsentRecord } from '../../../src/schema/consent-record.js';
import * as z from 'zod/mini';
import { exampleConfig } from '../../fixtures/configs.js';
import { memoryEnvironment } from '../../fixtures/memory-environment.js';
import { FUZZ, POLLUTING_KEYS, hostileString, prototypesAreClean } from './hostile-strings.js';

/** Everything optional denied: what the cookie of a visitor who clicked "Reject all" holds. */
const rejected: ConsentRecord = {
  id: '3f6c2a1e-8b4d-4c2a-9e1f-0a1b2c3d4e5f',
  policyVersion: '2024-06',
  categories: { analytics: false, marketing: false },
  contact: { email: { offers: false, feedback: false } },
  method: 'banner-reject-all',
  decidedAt: '2025-01-15T10:00:00.000Z',
  updatedAt: '2025-01-15T10:00:00.000Z',
  revision: 1,
};
const rejectedCookie = encodeRecord(rejected);

/** A page whose cookie jar holds `value`, as a visitor (or an attacker on a sibling subdomain) could set it. */
function managerReading(value: string) {
  const { env, store } = memoryEnvironment();
  store.value = value;
  return new ConsentManager(parseConfig(exampleConfig), env);
}

const granted = (manager: ConsentManager) => ['analytics', 'marketing'].filter((id) => manager.has(id));

describe('cookie decoder under hostile input', () => {
  it('never throws on any string, and anything it accepts is a valid record', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const decoded = decodeRecord(value);
        expect(decoded === null || z.safeParse(ConsentRecordSchema, decoded).success).toBe(true);
        expect(prototypesAreClean()).toBe(true);
      }),
      FUZZ,
    );
  });

  it('an edited "Reject all" cookie never grants a category the visitor denied', () => {
    const edit = fc.record({
      at: fc.nat({ max: rejectedCookie.length }),
      cut: fc.nat({ max: 12 }),
      insert: fc.oneof(
        hostileString.filter((s) => s.length < 100),
        fc.constantFrom('analytics', 'marketing', '!', '~'),
      ),
    });
    fc.assert(
      fc.property(edit, ({ at, cut, insert }) => {
        const value = rejectedCookie.slice(0, at) + insert + rejectedCookie.slice(at + cut);
        fc.pre(value !== rejectedCookie);
        expect(granted(managerReading(value))).toEqual([]);
      }),
      FUZZ,
    );
  });

  it('re-signed cookies with prototype-pollution ids in any list grant nothing and pollute nothing', () => {
    const fields = rejectedCookie.split('~').slice(0, -1);
    const forged = fc.record({
      field: fc.constantFrom(3, 4), // the category list, the contact list
      item: fc.constantFrom(
        ...POLLUTING_KEYS,
        ...POLLUTING_KEYS.map((k) => `email:${k}`),
        ...POLLUTING_KEYS.map((k) => `${k}:offers`),
      ),
    });
    fc.assert(
      fc.property(forged, ({ field, item }) => {
        const body = fields.map((f, i) => (i === field ? `${f}.${item}` : f)).join('~');
        const decoded = decodeRecord(`${body}~${checksum(body)}`);
        // "constructor" and "prototype" are well-formed ids and may come back as plain own keys; "__proto__" never does.
        if (item.includes('__proto__')) expect(decoded).toBeNull();
        else expect(decoded === null || Object.getPrototypeOf(decoded.categories) === Object.prototype).toBe(true);
        expect(granted(managerReading(`${body}~${checksum(body)}`))).toEqual([]);
        expect(prototypesAreClean()).toBe(true);
      }),
      FUZZ,
    );
  });

  it('random cookie values never grant anything', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        expect(granted(managerReading(value))).toEqual([]);
      }),
      FUZZ,
    );
  });
});
