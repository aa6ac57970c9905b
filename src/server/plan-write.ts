import type { PutConsentResponse } from '../schema/api.js';
import type { ConsentRecord } from '../schema/consent-record.js';
import { IDEMPOTENCY_WINDOW_MS, type ConsentWrite, type StoredConsent, type WriteOutcome } from './consent-store.js';
import { signedReceiptOf } from './receipt-of-jws.js';

/** A stored record row, as both stores keep it: the record as JSON and the account that owns it, if any. */
export type StoredRow = { record: string; owner: string | null };

/** A stored row as the store hands it out, or `null` for no row. */
export function storedConsentOf(row: StoredRow | undefined): StoredConsent | null {
  return row ? { record: JSON.parse(row.record) as ConsentRecord, owner: row.owner } : null;
}
/**
 * A stored idempotency key: the hash of the request it was first used with, when, and what the answer was
 * made of (the record stored then, and the receipt it points at).
 */
export type StoredKey = {
  request_hash: string;
  status: 200 | 201;
  record: string;
  created_at: string;
  receipt_id: string;
  jws: string;
};

/** The write may go ahead: store `record` with this owner, answer `status` with `response`. */
export type WritePlan = { kind: 'store'; status: 200 | 201; response: PutConsentResponse; owner: string | null };

/**
 * The rules every store applies to a write, inside its own transaction, from what it read there: another
 * account's record answers like a missing one, before anything else (so a replayed key tells a stranger
 * nothing); a repeated request replays its first answer and a reused key with another body is refused;
 * revisions only move forward. Returns the outcome to answer with, or the plan to store.
 */
export function planWrite(
  change: ConsentWrite,
  existing: StoredRow | undefined,
  key: StoredKey | undefined,
): WriteOutcome | WritePlan {
  const { record, owner } = change;
  if (existing && existing.owner !== null && existing.owner !== owner) return { kind: 'not-found' };
  // A key older than the window is forgotten, whether or not it was pruned yet.
  if (key && Date.parse(key.created_at) > Date.parse(change.receivedAt) - IDEMPOTENCY_WINDOW_MS) {
    if (key.request_hash !== change.requestHash) return { kind: 'key-reused' };
    const response: PutConsentResponse = {
      record: JSON.parse(key.record) as ConsentRecord,
      receipt: signedReceiptOf(key.receipt_id, key.jws),
    };
    return { kind: 'replayed', status: key.status, response };
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
