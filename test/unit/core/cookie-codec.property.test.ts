import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { checksum } from '../../../src/core/checksum.js';
import { decodeRecord, encodeRecord } from '../../../src/core/cookie-codec.js';
import {
  CONSENT_METHODS,
  ConsentRecordSchema,
  RECORD_ID,
  type ConsentRecord,
} from '../../../src/schema/consent-record.js';
import { POLICY_VERSION, SLUG } from '../../../src/shared/patterns.js';
import { FUZZ } from '../fuzz/hostile-strings.js';

/*
 * The decoder checks a cookie by its own grammar, without zod; zod stays the judge here. Records are generated
 * from the schema's own patterns (the timestamps from the very regex `z.iso.datetime()` applies), within what a
 * cookie can carry: times from 1970 on (it counts Unix seconds), decided no later than updated, and contact
 * channels with at least one topic (an empty channel leaves no trace, and absent means the same: not chosen),
 * and services, when there are any, with at least one per category for the same reason.
 * Arbitrary strings and edits that keep the old checksum are in the fuzz suite (test/unit/fuzz).
 */
const slug = fc.stringMatching(SLUG);
const timestamp = fc.stringMatching(z.regexes.datetime({})).filter((iso) => Date.parse(iso) >= 0);
const validRecord: fc.Arbitrary<ConsentRecord> = fc
  .record(
    {
      id: fc.stringMatching(RECORD_ID),
      policyVersion: fc.stringMatching(POLICY_VERSION),
      categories: fc.dictionary(slug, fc.boolean(), { maxKeys: 10, noNullPrototype: true }),
      contact: fc.dictionary(
        slug,
        fc.dictionary(slug, fc.boolean(), { minKeys: 1, maxKeys: 4, noNullPrototype: true }),
        { maxKeys: 4, noNullPrototype: true },
      ),
      // Only categories granted in part list services, each at least one (format 2 of the cookie).
      services: fc.dictionary(
        slug,
        fc.dictionary(slug, fc.boolean(), { minKeys: 1, maxKeys: 4, noNullPrototype: true }),
        { minKeys: 1, maxKeys: 4, noNullPrototype: true },
      ),
      method: fc.constantFrom(...CONSENT_METHODS),
      ageConfirmed: fc.boolean(),
      times: fc
        .tuple(timestamp, timestamp)
        .map(([a, b]): [string, string] => (Date.parse(a) <= Date.parse(b) ? [a, b] : [b, a])),
      revision: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    },
    {
      requiredKeys: ['id', 'policyVersion', 'categories', 'contact', 'method', 'times', 'revision'],
      noNullPrototype: true,
    },
  )
  .map(({ times: [decidedAt, updatedAt], ...rest }) => ({ ...rest, decidedAt, updatedAt }));

/** The instant an ISO timestamp names, cut to the whole second the cookie keeps. */
const toSecond = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;

/**
 * A valid record with one field just outside the schema, as a careless caller could hand `encodeRecord`: an id
 * of another UUID version, a policy version the pattern rejects, an unknown method, a revision below 1, above
 * 2^53 - 1 or not whole, a time whose ISO form needs a year past 9999.
 */
const afterYear9999 = fc
  .date({ min: new Date('+010000-01-01T00:00:00.000Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const outOfSchema = fc.oneof(
  fc.record({ id: fc.uuid().filter((id) => !RECORD_ID.test(id)) }),
  fc.record({ policyVersion: fc.string({ maxLength: 40 }).filter((v) => !v.includes('~') && !POLICY_VERSION.test(v)) }),
  fc.record({
    method: fc.string({ maxLength: 12 }).filter((m) => !(CONSENT_METHODS as readonly string[]).includes(m)),
  }),
  fc.record({
    revision: fc.oneof(
      fc.constant(0),
      fc.integer({ max: -1 }),
      fc.double({ noNaN: true }).filter((n) => !Number.isSafeInteger(n)),
    ),
  }),
  fc.record({ updatedAt: afterYear9999 }),
  fc.record({ decidedAt: afterYear9999, updatedAt: afterYear9999 }),
);

/** Single characters: base-36 digits, the cookie's own separators, and characters no field may hold. */
const character = fc.oneof(
  fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz'),
  fc.constantFrom('~', '.', '!', ':', '-', '_', '/', ' ', 'é', '\u0000'),
);
/** Whole fields: ids of every UUID version, base-36 numbers up to 2^53 - 1 (fast-check leans to both ends), any printable text. */
const token = fc.oneof(
  fc.uuid().map((uuid) => uuid.replaceAll('-', '')),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map((n) => n.toString(36)),
  fc.stringMatching(/^[ -}]{0,40}$/),
);

/**
 * One edit to the ten fields before the checksum, re-signed as a forger who read our source would: a character
 * changed, inserted or deleted, two fields swapped, or a whole field replaced.
 */
const edit = fc.record({
  kind: fc.constantFrom('change', 'insert', 'delete', 'swap', 'replace'),
  field: fc.nat({ max: 9 }),
  other: fc.nat({ max: 9 }),
  at: fc.nat(),
  char: character,
  text: token,
});
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(cookie: string, { kind, field, other, at, char, text }: Edit): string {
  const fields = cookie.split('~').slice(0, -1);
  const target = fields[field]!;
  const i = at % (target.length + 1);
  if (kind === 'change') fields[field] = target.slice(0, i) + char + target.slice(i + 1);
  if (kind === 'insert') fields[field] = target.slice(0, i) + char + target.slice(i);
  if (kind === 'delete') fields[field] = target.slice(0, i) + target.slice(i + 1);
  if (kind === 'swap') [fields[field], fields[other]] = [fields[other]!, target];
  if (kind === 'replace') fields[field] = text;
  const body = fields.join('~');
  return `${body}~${checksum(body)}`;
}

describe('cookie codec properties', () => {
  it('generates only records the schema accepts, so the properties below speak of valid records', () => {
    fc.assert(
      fc.property(validRecord, (record) => {
        expect(z.safeParse(ConsentRecordSchema, record).success).toBe(true);
      }),
      FUZZ,
    );
  });

  it('reads back every valid record, to the second, with an absent age confirmation read as false', () => {
    fc.assert(
      fc.property(validRecord, (record) => {
        const decoded = decodeRecord(encodeRecord(record));
        expect(z.safeParse(ConsentRecordSchema, decoded).success).toBe(true);
        expect(decoded).toEqual({
          ...record,
          ageConfirmed: record.ageConfirmed ?? false,
          decidedAt: expect.any(String),
          updatedAt: expect.any(String),
        });
        expect(Date.parse(decoded!.decidedAt)).toBe(toSecond(record.decidedAt));
        expect(Date.parse(decoded!.updatedAt)).toBe(toSecond(record.updatedAt));
      }),
      FUZZ,
    );
  });

  it('never reads back a record that had one field outside the schema', () => {
    fc.assert(
      fc.property(validRecord, outOfSchema, (record, change) => {
        const invalid = { ...record, ...change } as ConsentRecord;
        expect(z.safeParse(ConsentRecordSchema, invalid).success).toBe(false);
        expect(decodeRecord(encodeRecord(invalid))).toBeNull();
      }),
      FUZZ,
    );
  });

  it('never throws on an edited cookie, and whatever it reads from one passes the schema', () => {
    fc.assert(
      fc.property(validRecord, edit, (record, change) => {
        const decoded = decodeRecord(applyEdit(encodeRecord(record), change));
        expect(decoded === null || z.safeParse(ConsentRecordSchema, decoded).success).toBe(true);
      }),
      { ...FUZZ, numRuns: FUZZ.numRuns * 4 },
    );
  });
});
