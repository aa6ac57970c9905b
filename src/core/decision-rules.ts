import type { ConsentConfig } from '../schema/config.js';
import type { ConsentRecord } from '../schema/consent-record.js';
import { compareText } from '../shared/compare-text.js';
import { encodeRecord } from './cookie-codec.js';

const DAY_MS = 86_400_000;
/** Clocks disagree a little; a decision dated further ahead than this was not made by this visitor's browser. */
const MAX_CLOCK_SKEW_MS = DAY_MS;

/** Why a stored decision no longer counts, or `undefined` when it still does. */
export type StaleReason = 'expired' | 'from-the-future' | 'policy-changed';

/**
 * Decides whether a stored decision still speaks for the visitor under the current config:
 * it expires `cookie.expiresDays` after it was last confirmed, and a substantial policy change asks again
 * everyone who decided under another version (`policy.substantial`) or an older one (`policy.reconsentBefore`).
 */
export function staleReason(record: ConsentRecord, config: ConsentConfig, now: number): StaleReason | undefined {
  const updated = Date.parse(record.updatedAt);
  if (updated > now + MAX_CLOCK_SKEW_MS) return 'from-the-future';
  if (now - updated >= config.cookie.expiresDays * DAY_MS) return 'expired';
  if (config.policy.substantial && record.policyVersion !== config.policy.version) return 'policy-changed';
  const { reconsentBefore } = config.policy;
  if (reconsentBefore && compareVersions(record.policyVersion, reconsentBefore) < 0) return 'policy-changed';
  return undefined;
}

/**
 * A total order of decisions, the same in every tab: the later `updatedAt` wins, then the higher revision,
 * then (for two different decisions made in the same second) the greater cookie form. Tabs that each apply it
 * to what they hear end on the same decision.
 */
export function compareDecisions(a: ConsentRecord, b: ConsentRecord): number {
  const [encodedA, encodedB] = [encodeRecord(a), encodeRecord(b)];
  return (
    Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.revision - b.revision || compareText(encodedA, encodedB)
  );
}

/** Where each mark a version may hold (`POLICY_VERSION`) sorts in collation order: before numbers and letters. */
const MARK_ORDER: Record<string, string> = { _: '0', '-': '1', '.': '2' };
/** The longest run of digits a version can hold. */
const MAX_DIGITS = 32;

/**
 * A version rewritten so that comparing two rewritten versions as plain text compares them part by part (a
 * mark, a number, a letter) in collation order, case aside: each part opens with its kind (marks, then numbers,
 * then letters), and a number is padded with zeros to one width, so 9 < 10 and 06 = 6.
 */
const collationKey = (version: string) =>
  version.replace(/\d+|\D/g, (part) =>
    /\d/.test(part) ? `3${part.padStart(MAX_DIGITS, '0')}` : (MARK_ORDER[part] ?? `4${part.toLowerCase()}`),
  );
const letters = (version: string) => version.replace(/[^A-Za-z]/g, '');

/**
 * Orders policy versions the way people write them: "2024-06" < "2024-11", "v2" < "v10". The same order as
 * `localeCompare(b, 'en', { numeric: true })` over the version alphabet (a test holds it to that), written out
 * because a page's first collation starts the browser's ICU: about 15 ms of main thread in a new renderer, on
 * a decided visit, before the page's next script.
 */
export function compareVersions(a: string, b: string): number {
  // Versions equal but for case: the first letter that differs decides, lowercase first.
  return compareText(collationKey(a), collationKey(b)) || compareText(letters(b), letters(a));
}

/** Timestamps are kept to the second: that is what the cookie can hold, so a round trip changes nothing. */
export function toTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}
