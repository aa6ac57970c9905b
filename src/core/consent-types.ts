import type { ConsentRecord } from '../schema/consent-record.js';

/** Choices to change with `ConsentManager.update()`; anything left out keeps its current value. */
export interface ConsentChoices {
  /** Optional category id -> granted. */
  categories?: Record<string, boolean>;
  /**
   * Category id -> service id -> granted, applied after `categories`: `{ categories: { analytics: false },
   * services: { analytics: { clarity: true } } }` allows Clarity alone.
   */
  services?: Record<string, Record<string, boolean>>;
  /** Channel -> topic -> wanted, e.g. `{ email: { offers: true } }`. */
  contact?: Record<string, Record<string, boolean>>;
  /**
   * The visitor confirmed being of the configured minimum age or having a guardian's consent. Needed before
   * marketing contact or a separate-consent category can be on; `false` turns those off again.
   */
  ageConfirmed?: boolean;
}

/** Events of `ConsentManager.on()`; each carries the decision (or `null` when there is none). */
export type ConsentEvents = {
  ready: ConsentRecord | null;
  change: ConsentRecord | null;
};

declare global {
  interface DocumentEventMap {
    'consent:ready': CustomEvent<ConsentRecord | null>;
    'consent:change': CustomEvent<ConsentRecord | null>;
  }
}
