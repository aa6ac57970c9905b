import type { PutConsentResponse } from '../schema/api.js';
import type { ConsentRecord } from '../schema/consent-record.js';
import type { ConsentWrite, WriteOutcome } from './consent-store.js';

/** A stored record row, as both stores keep it: the record as JSON and the account that owns it, if any. */
export type StoredRow = { record: string; owner: string | null };
/** A stored idempotency key: the hash of the request it was first used with and the answer given then. */
export type StoredKey = { request_hash: string; status: 200 | 201; response: string };

/** The write may go ahead: store `record` with this owner, answer `status` with `response`. */
export type WritePlan = { kind: 'store'; status: 200 | 201; response: PutConsentResponse; owner: string | null };

/**
 * The rules every store applies to a write, inside its own transaction, from what it read there: another
 * account's record answers like a missing one, before anything else (so a replayed key tells a stranger
 * nothing); a repeated request replays its first answer and a reused key with another body is refused;
 * revisions only move forward. Returns the outcome to answer with, or the plan to store.
 */
export function planWrite(change: ConsentWrite, existing: StoredRow | undefined, key: StoredKey | undefined): WriteOutcome | WritePlan {
  const { record, owner } = change;
  if (existing && existing.owner !== null && existing.owner !== owner) return { kind: 'not-found' };
  if (key) {
    return key.request_hash === change.requestHash
      ? { kind: 'replayed', status: key.status, response: JSON.parse(key.response) as PutConsentResponse }
      : { kind: 'key-reused' };
  }
  if (existing) {
    const current = JSON.parse(existing.record) as ConsentRecord;
    if (current.revision >= record.revision) return { kind: 'stale', current };
  }
  return {
    kind: 'store',
    status: existing ? 200 : 201,
    response: { record, receipt: change.receipt },
    owner: owner ?? existing?.owner ?? null,
  };
}
