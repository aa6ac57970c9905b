import type { ConsentConfig } from '../schema/config.js';
import type { ConsentRecord } from '../schema/consent-record.js';
import type { SignedReceipt } from '../schema/receipt.js';
import type { ConsentManager } from './consent-manager.js';

/** Where a decision is kept between page loads. Implementations never throw. */
export interface DecisionStore {
  /** The stored value, or `undefined` when there is none or it cannot be read. */
  read(): string | undefined;
  /** Stores the value; `false` when it did not hold (cookies off, wrong domain, opaque origin). */
  write(value: string): boolean;
  remove(): void;
}

/** Tells the page's other tabs about this tab's decision, and hears theirs. */
export interface TabChannel {
  /** Announces the decision in force, in its cookie form, or `null` after a reset. */
  post(decision: string | null): void;
  /**
   * Hears another tab's decision (its cookie form, or `null` after a reset), or `undefined` when the tab
   * should simply re-read the stored decision (e.g. on becoming visible again).
   */
  subscribe(onChange: (decision?: string | null) => void): () => void;
}

/** What the manager needs from the world; the browser supplies the real ones, tests their own. */
export interface ConsentEnvironment {
  store: DecisionStore;
  tabs?: TabChannel;
  /** Whether the browser sends Global Privacy Control. */
  gpc?: boolean;
  /** Where `consent:ready` and `consent:change` are dispatched (`document` in a browser). */
  events?: EventTarget;
  now?: () => number;
  randomId?: () => string;
  /** Where one-time notices go (`console.warn` by default). */
  warn?: (message: string) => void;
  /** The page's request gate; without one, `blocked()` is empty and `beacon()` never queues. */
  gate?: RequestGate;
  /** The preferences endpoint client; without one, decisions stay on this device. */
  sync?: ConsentSync;
}

/**
 * Requests the gate held or dropped, per category id, then per host (`stats.example.com`); cookie and
 * storage writes it refused count as dropped under `cookie:<name>`, `localStorage:<key>` or `sessionStorage:<key>`.
 */
export type BlockedReport = Record<string, Record<string, { held: number; released: number; dropped: number }>>;

/**
 * The port through which the manager reaches the request gate, without core depending on it: the gate
 * (`installGate()`) implements it and follows the manager's decisions once connected.
 */
export interface RequestGate {
  /** Called by the manager when it starts; `null` tells the gate the page has no consent config. */
  connect(consent: ConsentManager | null): void;
  blocked(): BlockedReport;
  beacon(category: string, url: string, data?: BodyInit | null): boolean;
}

/**
 * The port through which the manager reaches the preferences endpoint, without core depending on it: the
 * sync client (`installSync()`) implements it. Nothing here ever delays or changes a decision on the page.
 */
export interface ConsentSync {
  /** Queues a decision made on this page for delivery and returns at once; never throws. */
  push(record: ConsentRecord): void;
  /**
   * Sends later changes with the account's subject token and fetches the account's stored record (`null`
   * when it has none). Rejects with a `ConsentSyncError` when the endpoint cannot answer.
   */
  identify(subjectToken: string): Promise<ConsentRecord | null>;
  /** The record's receipts, oldest first (empty when the endpoint has none). Rejects with a `ConsentSyncError`. */
  receipts(id: string): Promise<SignedReceipt[]>;
  /** Drops the record's pending changes and queues its erasure; resolves `true` once the endpoint confirmed it. */
  forget(id: string): Promise<boolean>;
}

/** Makes the page's sync client for a config with an `endpoint`; `installSync()` puts one here. */
export type SyncFactory = (config: ConsentConfig) => ConsentSync;
