import type { BlockedReport } from '../core/environment.js';

/** How a request was made: the API or element the gate caught it in. */
export type GateKind = 'fetch' | 'xhr' | 'beacon' | 'image' | 'script' | 'iframe' | 'link';

/** `detail` of `consent:blocked`: one request the gate did not send. */
export interface BlockedDetail {
  /** The categories that list the host; empty when it was held before the config was read. */
  categories: string[];
  host: string;
  url: string;
  kind: GateKind;
  /** `denied`: a listed category is denied; `overflow`: the oldest held request made room for a newer one. */
  reason: 'denied' | 'overflow';
}

declare global {
  interface DocumentEventMap {
    'consent:blocked': CustomEvent<BlockedDetail>;
  }
}

/** Category key for requests held before the config named any category. */
const UNKNOWN_CATEGORY = '*';

/** Tallies what the gate held, released and dropped, per category and host, for {@link BlockedReport}. */
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
