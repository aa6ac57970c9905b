import type { ConsentRecord } from '../schema/consent-record.js';
import { POLICY_VERSION, SLUG } from '../shared/patterns.js';
import {
  MAX_CATEGORIES,
  MAX_CONTACT_CHANNELS,
  MAX_CONTACT_TOPICS,
  MAX_SERVICES,
  MAX_SERVICES_PER_CATEGORY,
  RECORD_ID,
  type ConsentMethod,
} from '../shared/record-fields.js';
import { checksum } from './checksum.js';

/*
 * The cookie holds one line of fields joined by "~", all characters a cookie keeps without escaping:
 *   1~<id, 32 hex>~<policy>~<categories>~<contact>~<method>~<flags>~<decided>~<updated>~<revision>~<checksum>
 * Lists are joined by "."; a "!" marks a denied item; contact items are "channel:topic"; flags are letters
 * ("a": age confirmed); times are Unix seconds and the revision a number, both in base 36. Ten categories
 * and four contact choices fit in about 250 bytes, against the 4 kB a browser gives a cookie.
 * Format 2 adds one field after the contact choices, for categories granted in part: their services, as
 * "category:service" items. A decision without such a category is still written in format 1, so that a
 * script of an earlier version reads it too; both formats are read.
 */
const FORMAT = '1';
const FORMAT_WITH_SERVICES = '2';
const FIELD = '~';
const ITEM = '.';
const DENIED = '!';
const PAIR = ':';
const AGE_CONFIRMED = 'a';
const FIELD_COUNT = 11;
const MAX_LENGTH = 4096;
/** The last second whose ISO 8601 form keeps a four-digit year; later ones print as "+010000-…", no valid timestamp. */
const LAST_SECOND = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;
const METHOD_CODES: Record<ConsentMethod, string> = {
  'banner-accept-all': 'a',
  'banner-reject-all': 'r',
  'preferences-save': 'p',
  api: 'i',
  gpc: 'g',
  embed: 'e',
};

/** Writes a record in the compact cookie form. */
export function encodeRecord(record: ConsentRecord): string {
  const categories = Object.entries(record.categories).map(([id, on]) => (on ? id : DENIED + id));
  const services = writePairs(record.services ?? {});
  const body = [
    services ? FORMAT_WITH_SERVICES : FORMAT,
    record.id.replaceAll('-', ''),
    record.policyVersion,
    categories.join(ITEM),
    writePairs(record.contact),
    ...(services ? [services] : []),
    METHOD_CODES[record.method],
    record.ageConfirmed ? AGE_CONFIRMED : '',
    toSeconds36(record.decidedAt),
    toSeconds36(record.updatedAt),
    record.revision.toString(36),
  ].join(FIELD);
  return body + FIELD + checksum(body);
}

/**
 * Reads a cookie value back into a record. Never throws: a missing, truncated, edited or otherwise invalid
 * value reads as `null`, meaning "no decision", so the visitor is simply asked again. Whatever it returns
 * satisfies `ConsentRecordSchema`, checked field by field here so that reading the cookie needs no zod.
 */
export function decodeRecord(value: string | undefined | null): ConsentRecord | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null;
  const fields = value.split(FIELD);
  const hasServices = fields[0] === FORMAT_WITH_SERVICES;
  if (fields.length !== FIELD_COUNT + Number(hasServices) || !(hasServices || fields[0] === FORMAT)) return null;
  if (checksum(fields.slice(0, -1).join(FIELD)) !== fields.pop()) return null;
  const serviceList = hasServices ? fields.splice(5, 1)[0]! : '';
  const [, hexId, policyVersion, categoryList, contactList, methodCode, flags, decidedText, updatedText, revisionText] =
    fields as [string, string, string, string, string, string, string, string, string, string];

  const id = `${hexId.slice(0, 8)}-${hexId.slice(8, 12)}-${hexId.slice(12, 16)}-${hexId.slice(16, 20)}-${hexId.slice(20)}`;
  const categories = readCategories(categoryList);
  const contact = readPairs(
    contactList,
    MAX_CONTACT_CHANNELS,
    MAX_CONTACT_TOPICS,
    MAX_CONTACT_CHANNELS * MAX_CONTACT_TOPICS,
  );
  const services = readPairs(serviceList, MAX_CATEGORIES, MAX_SERVICES_PER_CATEGORY, MAX_SERVICES);
  const method = (Object.keys(METHOD_CODES) as ConsentMethod[]).find((m) => METHOD_CODES[m] === methodCode);
  const decided = readBase36(decidedText, 0, LAST_SECOND);
  const updated = readBase36(updatedText, 0, LAST_SECOND);
  const revision = readBase36(revisionText, 1, Number.MAX_SAFE_INTEGER);
  if (!RECORD_ID.test(id) || !POLICY_VERSION.test(policyVersion) || (flags !== '' && flags !== AGE_CONFIRMED))
    return null;
  if (!categories || !contact || !services || !method || revision === undefined) return null;
  if (decided === undefined || updated === undefined || decided > updated) return null;
  return {
    id,
    policyVersion,
    categories,
    ...(hasServices ? { services } : {}),
    contact,
    method,
    ageConfirmed: flags === AGE_CONFIRMED,
    decidedAt: new Date(decided * 1000).toISOString(),
    updatedAt: new Date(updated * 1000).toISOString(),
    revision,
  };
}

/** "a.!b" -> [{ name: "a", granted: true }, { name: "b", granted: false }]. */
function readItems(list: string): { name: string; granted: boolean }[] {
  if (list === '') return [];
  return list
    .split(ITEM)
    .map((item) => (item.startsWith(DENIED) ? { name: item.slice(1), granted: false } : { name: item, granted: true }));
}

/** Undefined when an item is not a valid id or repeats (valid ids also keep out `__proto__`). */
function readCategories(list: string): Record<string, boolean> | undefined {
  const categories: Record<string, boolean> = {};
  for (const { name, granted } of readItems(list)) {
    if (!SLUG.test(name) || Object.hasOwn(categories, name)) return undefined;
    categories[name] = granted;
  }
  return categories;
}

/** `{ a: { b: true, c: false } }` -> "a:b.!a:c"; an empty string when there is nothing. */
function writePairs(map: Record<string, Record<string, boolean>>): string {
  return Object.entries(map)
    .flatMap(([outer, inner]) => Object.entries(inner).map(([id, on]) => (on ? '' : DENIED) + outer + PAIR + id))
    .join(ITEM);
}

/**
 * "a:b.!a:c" -> `{ a: { b: true, c: false } }`: contact choices (channel, topic) or services (category,
 * service). Undefined when an item is malformed or repeats, or the map holds more than the record allows.
 */
function readPairs(
  list: string,
  maxOuter: number,
  maxInner: number,
  maxTotal: number,
): Record<string, Record<string, boolean>> | undefined {
  const map: Record<string, Record<string, boolean>> = {};
  const items = readItems(list);
  if (items.length > maxTotal) return undefined;
  for (const { name, granted } of items) {
    const [outer, inner, extra] = name.split(PAIR);
    if (extra !== undefined || !outer || !inner || !SLUG.test(outer) || !SLUG.test(inner)) return undefined;
    const entries = Object.hasOwn(map, outer) ? map[outer]! : (map[outer] = {});
    if (Object.hasOwn(entries, inner)) return undefined;
    entries[inner] = granted;
    if (Object.keys(map).length > maxOuter || Object.keys(entries).length > maxInner) return undefined;
  }
  return map;
}

function toSeconds36(iso: string): string {
  return Math.floor(Date.parse(iso) / 1000).toString(36);
}

/** A whole number written in base 36, if it lies within [min, max]; eleven digits reach past 2^53. */
function readBase36(text: string, min: number, max: number): number | undefined {
  if (!/^[0-9a-z]{1,11}$/.test(text)) return undefined;
  const number = parseInt(text, 36);
  return number >= min && number <= max ? number : undefined;
}
