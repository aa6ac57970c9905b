import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { checksum } from '../../../src/core/checksum.js';
import { decodeRecord, encodeRecord } from '../../../src/core/cookie-codec.js';
import { ConsentRecordSchema, type ConsentRecord } from '../../../src/schema/consent-record.js';

const record: ConsentRecord = {
  id: '3f6c2a1e-8b4d-4c2a-9e1f-0a1b2c3d4e5f',
  policyVersion: '2024-06',
  categories: { analytics: true, marketing: false },
  contact: { email: { offers: true, feedback: false }, phone: { offers: false, feedback: false } },
  method: 'preferences-save',
  ageConfirmed: true,
  decidedAt: '2025-01-15T10:00:00.000Z',
  updatedAt: '2025-02-01T08:30:15.000Z',
  revision: 3,
};

/** Re-signs a hand-made body with a valid checksum: what a forger who read our source would write. */
function withChecksum(body: string): string {
  return `${body}~${checksum(body)}`;
}

describe('cookie codec', () => {
  it('round-trips a record exactly', () => {
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  it('round-trips an unconfirmed age', () => {
    expect(decodeRecord(encodeRecord({ ...record, ageConfirmed: false }))?.ageConfirmed).toBe(false);
  });

  it('round-trips every collection method', () => {
    for (const method of ['banner-accept-all', 'banner-reject-all', 'preferences-save', 'api', 'gpc'] as const) {
      expect(decodeRecord(encodeRecord({ ...record, method }))?.method).toBe(method);
    }
  });

  it('round-trips a record with no optional categories and no contact choices', () => {
    const empty = { ...record, categories: {}, contact: {} };
    expect(decodeRecord(encodeRecord(empty))).toEqual(empty);
  });

  it('stays well under 1 kB for ten categories and a full contact matrix', () => {
    const categories = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`category-number-${i}`, i % 2 === 0]));
    const encoded = encodeRecord({ ...record, categories });
    expect(encoded.length).toBeLessThan(400);
    // Every character is one a cookie keeps as it is, so the stored size is the encoded size.
    expect(encoded).toMatch(/^[A-Za-z0-9~.!:_-]+$/);
  });

  it.each([
    ['nothing', undefined],
    ['an empty value', ''],
    ['a value from another tool', 'yes'],
    ['JSON', '{"analytics":true}'],
    ['a truncated value', encodeRecord(record).slice(0, -3)],
    ['a value with one character changed', encodeRecord(record).replace('analytics', 'analytict')],
    [
      'an unknown format version',
      withChecksum(encodeRecord(record).replace(/^1/, '2').split('~').slice(0, -1).join('~')),
    ],
    ['a huge value', 'x'.repeat(100_000)],
  ])('reads %s as no decision', (_name, value) => {
    expect(decodeRecord(value)).toBeNull();
  });

  it.each([
    ['a __proto__ category', '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~__proto__~~p~~sq5d00~sq5d00~1'],
    [
      'a constructor contact channel repeated',
      '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~~constructor:offers.constructor:offers~p~~sq5d00~sq5d00~1',
    ],
    ['a repeated category', '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics.!analytics~~p~~sq5d00~sq5d00~1'],
    ['an unknown flag', '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~p~x~sq5d00~sq5d00~1'],
    ['an unknown method', '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~z~~sq5d00~sq5d00~1'],
    [
      'a decision updated before it was made',
      '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~p~~sq5d00~sq5c00~1',
    ],
    ['revision zero', '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~p~~sq5d00~sq5d00~0'],
    ['an id that is not a version-4 UUID', '1~3f6c2a1e8b4d0c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~p~~sq5d00~sq5d00~1'],
    ['a contact item without a topic', '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~email~p~~sq5d00~sq5d00~1'],
    [
      'a policy version with a character the pattern rejects',
      '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024/06~analytics~~p~~sq5d00~sq5d00~1',
    ],
    ['an empty policy version', '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~~analytics~~p~~sq5d00~sq5d00~1'],
    [
      'a policy version of 33 characters',
      `1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~${'v'.repeat(33)}~analytics~~p~~sq5d00~sq5d00~1`,
    ],
    [
      'a method code that names an object key',
      '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~constructor~~sq5d00~sq5d00~1',
    ],
    [
      'revision zero written with leading zeros',
      '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~p~~sq5d00~sq5d00~000',
    ],
    [
      'a revision past the largest safe integer',
      '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~p~~sq5d00~sq5d00~2gosa7pa2gw',
    ],
    // One second after 9999-12-31T23:59:59Z: toISOString() would write "+010000-01-01T00:00:00.000Z".
    ['a time past the year 9999', '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~p~~38et6qo0~38et6qo0~1'],
    ['an update past the year 9999', '1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~p~~sq5d00~38et6qo0~1'],
  ])('reads a forged cookie with %s as no decision', (_name, body) => {
    expect(decodeRecord(withChecksum(body))).toBeNull();
    expect(({} as Record<string, unknown>).analytics).toBeUndefined();
  });

  it('reads the last second of the year 9999 and the largest safe revision as a valid record', () => {
    const decoded = decodeRecord(
      withChecksum('1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~p~~38et6qnz~38et6qnz~2gosa7pa2gv'),
    );
    expect(decoded).toMatchObject({ updatedAt: '9999-12-31T23:59:59.000Z', revision: Number.MAX_SAFE_INTEGER });
    expect(z.safeParse(ConsentRecordSchema, decoded).success).toBe(true);
  });

  it('accepts a well-formed hand-written value, so the forgery cases above fail for their own reason', () => {
    const decoded = decodeRecord(
      withChecksum('1~3f6c2a1e8b4d4c2a9e1f0a1b2c3d4e5f~2024-06~analytics~~p~~sq5d00~sq5d00~1'),
    );
    expect(decoded?.categories).toEqual({ analytics: true });
  });
});
