import type { BlockedReport } from '../core/environment.js';

/** How a request was made: the API or element the gate caught it in. */
export type GateKind = 'fetch' | 'xhr' | 'beacon' | 'image' | 'script' | 'iframe' | 'link';

/** Where a page's script stores something: a cookie (`document.cookie`, Cookie Store API), Web Storage or IndexedDB. */
export type WriteKind = 'cookie' | 'localStorage' | 'sessionStorage' | 'indexedDB';

/**
 * `detail` of `consent:blocked`: one request the gate did not send, or one cookie or storage write it
 * refused (then `host` and `url` are empty and `name` is the cookie's name or the storage key).
 */
export interface BlockedDetail {
  /** The categories that list the host or name; empty when it was held before the config was read. */
  categories: string[];
  host: string;
  url: string;
  kind: GateKind | WriteKind;
  name?: string;
  /**
   * `denied`: a listed category is denied; `undecided`: a write before the visitor decided (writes cannot
   * wait); `overflow`: the oldest held request made room for a newer one.
   */
  reason: 'denied' | 'undecided' | 'overflow';
}

declare global {
  interface DocumentEventMap {
    'consent:blocked': CustomEvent<BlockedDetail>;
  }
}

/** Category key for requests held before the config named any category. */
const UNKNOWN_CATEGORY = '*';

/**
 * Tallies what the gate held, released and dropped, per category and host, for {@link BlockedReport}; refused
 * writes are tallied as dropped under `<kind>:<name>` (`cookie:_ga`, `localStorage:ph_id`).
 */
export class BlockedLog {
  #report: BlockedReport = {};

  count(categories: readonly string[], host: string, field: 'held' | 'released' | 'dropped'): void {
    for (const category of categories.length > 0 ? categories : [UNKNOWN_CATEGORY]) {
      const hosts = (this.#report[category] ??= {});
      (hosts[host] ??= { held: 0, released: 0, dropped: 0 })[field]++;
    }
  }

  /** A copy of the tallies. */
  report(): BlockedReport {
    return structuredClone(this.#report);
  }
}
