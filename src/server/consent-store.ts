import type { JWK } from 'jose';
import type { PutConsentResponse } from '../schema/api.js';
import type { ConsentRecord } from '../schema/consent-record.js';
import type { Receipt, SignedReceipt } from '../schema/receipt.js';
import type { ReceiptsPage } from './receipts-page.js';

/** A record as stored, with the account that owns it (`null`: anonymous, knowing the id is the permission). */
export interface StoredConsent {
  record: ConsentRecord;
  owner: string | null;
}

/** One accepted change to store: the record, who sent it, the idempotency key and the signed receipt. */
export interface ConsentWrite {
  record: ConsentRecord;
  /** The token's subject, or `null` for an anonymous visitor. */
  owner: string | null;
  idempotencyKey: string;
  /** SHA-256 of the request body: the same key with another body is refused. */
  requestHash: string;
  receipt: SignedReceipt;
  /** When the endpoint received the change (ISO 8601, its own clock): what `/me` orders by. */
  receivedAt: string;
}

/**
 * How long an idempotency key is remembered: a retry within a day gets the first answer; after that the key
 * is forgotten (a repeat of an old change then answers `409`, the endpoint having that revision) and pruned.
 */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60_000;

/** One page of a record's receipts, and the cursor of the next page when there is one. */
export interface ReceiptPage {
  receipts: SignedReceipt[];
  next?: number;
}

/** What became of a {@link ConsentWrite}. */
export type WriteOutcome =
  | { kind: 'stored'; status: 200 | 201; response: PutConsentResponse }
  /** The key was seen with this body before: the first answer, unchanged. */
  | { kind: 'replayed'; status: 200 | 201; response: PutConsentResponse }
  /** The stored revision is the same or newer. */
  | { kind: 'stale'; current: ConsentRecord }
  /** The key was seen with another body. */
  | { kind: 'key-reused' }
  /** The id belongs to another account (or to one while the request is anonymous). */
  | { kind: 'not-found' };

/** An Ed25519 key pair receipts are signed with, as JWKs. */
export interface SigningKey {
  kid: string;
  /** `null` once the key is retired: its public part stays published so that old receipts still verify. */
  privateJwk: JWK | null;
  publicJwk: JWK;
  createdAt: string;
}

/**
 * Where the endpoint keeps records, receipts, idempotency keys and signing keys. Implementations promise:
 * a write is durable before `write()` resolves; `write()` is atomic per record (revision check, record,
 * receipt and idempotency key together); receipts are never changed except by `erase()`.
 */
export interface ConsentStore {
  /** Creates tables if missing; safe to call on every start. */
  migrate(): Promise<void>;
  read(id: string): Promise<StoredConsent | null>;
  /** The record owned by `subject` that the endpoint received a change of last (by its own clock). */
  readOwned(subject: string): Promise<StoredConsent | null>;
  write(change: ConsentWrite): Promise<WriteOutcome>;
  /**
   * One page of a record's receipts, oldest first: at most `limit`, those after the cursor `after` (a cursor a
   * previous page returned as `next`). Empty for unknown ids. Holds no more than one page in memory.
   */
  receipts(id: string, page: ReceiptsPage): Promise<ReceiptPage>;
  /**
   * Deletes the record, its idempotency keys and every receipt's link to it, keeping of each receipt only
   * what `retain` returns (which must not identify the person). Returns `false` when the id is missing or
   * owned by someone other than `owner`.
   */
  erase(id: string, owner: string | null, retain: (receipt: Receipt) => Record<string, unknown>): Promise<boolean>;
  /**
   * Deletes up to `limit` idempotency keys made before `before` (ISO 8601) and says how many it deleted;
   * small batches, so that requests are never held up for long.
   */
  pruneKeys(before: string, limit: number): Promise<number>;
  /** What erasures kept, for auditors (in no set order). */
  erasedTrail(): Promise<Record<string, unknown>[]>;
  /** Signing keys, oldest first. */
  signingKeys(): Promise<SigningKey[]>;
  /** Adds a key unless one with its kid exists. */
  addSigningKey(key: SigningKey): Promise<void>;
  /** Deletes the private part of every signing key, keeping the public parts (a rotation's first step). */
  retireSigningKeys(): Promise<void>;
  /** Whether any receipt was ever stored (erased ones included): a store with receipts must have its key. */
  hasReceipts(): Promise<boolean>;
  /** Whether the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
