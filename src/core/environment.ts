import type { ConsentManager } from './consent-manager.js';

/** Where a decision is kept between page loads. Implementations never throw. */
export interface DecisionStore {
  /** The stored value, or `undefined` when there is none or it cannot be read. */
  read(): string | undefined;
  /** Stores the value; `false` when it did not hold (cookies off, wrong domain, opaque origin). */
  write(value: string): boolean;
  remove(): void;
}

/** Tells the page's other tabs that the decision changed, and hears when theirs did. */
export interface TabChannel {
  post(): void;
  subscribe(onChange: () => void): () => void;
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
}

/** Requests the gate held or dropped, per category id, then per host (`stats.example.com`). */
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

/** Where the page's one request gate is kept, shared by every copy of consent-kit on the page. */
export const GATE_REGISTRY = Symbol.for('consent-kit.gate');
