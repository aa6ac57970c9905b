import type { ConsentConfig } from '../schema/config.js';
import type { ConsentRecord } from '../schema/consent-record.js';
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
    Date.parse(a.updatedAt) - Date.parse(b.updatedAt) ||
    a.revision - b.revision ||
    (encodedA < encodedB ? -1 : encodedA > encodedB ? 1 : 0)
  );
}

/** Orders policy versions the way people write them: "2024-06" < "2024-11", "v2" < "v10". */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Timestamps are kept to the second: that is what the cookie can hold, so a round trip changes nothing. */
export function toTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}
