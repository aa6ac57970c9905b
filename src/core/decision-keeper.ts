import type { ConsentConfig } from '../schema/config.js';
import type { ConsentRecord } from '../schema/consent-record.js';
import { decodeRecord, encodeRecord } from './cookie-codec.js';
import { compareDecisions, staleReason, type StaleReason } from './decision-rules.js';
import type { ConsentEnvironment } from './environment.js';

/** What the keeper uses of the page: the decision cookie, the other tabs, the endpoint, the clock, the console. */
export type KeeperEnvironment = Pick<ConsentEnvironment, 'store' | 'tabs' | 'sync'> & {
  now: () => number;
  warn: (message: string) => void;
};

/**
 * The decision in force on this page and where it lives: read from the decision cookie at start (a record
 * that no longer counts reads as none), written back on every change, sent to the endpoint, and shared with
 * the page's other tabs, whose decisions it weighs against this one. It decides nothing itself (the manager
 * does); `onChange` hears every change of the decision in force.
 */
export class DecisionKeeper {
  #config: ConsentConfig;
  #env: KeeperEnvironment;
  #onChange: () => void;
  #inForce: ConsentRecord | null = null;
  /** The last stored record even when it no longer counts: its id and revision carry on into the next one. */
  previous: ConsentRecord | null = null;
  #staleReason: StaleReason | undefined;
  #hasWarnedStore = false;

  constructor(config: ConsentConfig, env: KeeperEnvironment, onChange: () => void) {
    this.#config = config;
    this.#env = env;
    this.#onChange = onChange;
  }

  /** The decision in force (the keeper's own object: copy it before handing it out). */
  get inForce(): ConsentRecord | null {
    return this.#inForce;
  }

  /** Why the stored decision no longer counts, or `undefined` when there is none or it still does. */
  get staleReason(): StaleReason | undefined {
    return this.#staleReason;
  }

  /** Reads the stored decision; returns whether the decision in force changed. */
  adoptStored(): boolean {
    const stored = decodeRecord(this.#env.store.read());
    this.previous = stored;
    this.#staleReason = stored ? staleReason(stored, this.#config, this.#env.now()) : undefined;
    const inForce = stored && !this.#staleReason ? stored : null;
    if (sameRecord(inForce, this.#inForce)) return false;
    this.#inForce = inForce;
    return true;
  }

  /**
   * Stores `record` and puts it in force; `shouldSync`: a change made here, which the endpoint has not seen
   * yet. A cookie the browser does not keep is said once on the console: the choice then holds for this page.
   */
  save(record: ConsentRecord, shouldSync: boolean): void {
    if (!this.#env.store.write(encodeRecord(record)) && !this.#isOverwrittenByPeer(record) && !this.#hasWarnedStore) {
      this.#hasWarnedStore = true;
      const { name, domain } = this.#config.cookie;
      this.#env.warn(
        `consent-kit: the browser did not keep the "${name}" cookie` +
          (domain ? ` for domain "${domain}"` : '') +
          "; the choice holds for this page only. Check that cookies are enabled and that cookie.domain is the page's own domain or a parent of it.",
      );
    }
    this.previous = record;
    if (shouldSync) this.#env.sync?.push(record);
    this.#commit(record);
  }

  /** Puts `record` in force without storing it: the next {@link save} stores its next revision. */
  putInForce(record: ConsentRecord): void {
    this.#inForce = record;
  }

  /** Forgets the decision on this device, the cookie too, and tells the other tabs. */
  forget(): void {
    this.#env.store.remove();
    this.previous = null;
    this.#commit(null);
  }

  /**
   * Another tab decided, reset, or this tab came back into view. A decision heard from another tab is
   * weighed against this tab's by {@link compareDecisions}: the later one is put in force and written to the
   * cookie here, or, when ours is the later one, ours is written again and announced, so both tabs and the
   * cookie end on the same decision even when the tabs decided within the same moment. Otherwise the stored
   * decision is the truth.
   */
  hearTab(decision?: string | null): void {
    const theirs = typeof decision === 'string' ? decodeRecord(decision) : null;
    if (!theirs) {
      // A store that refused our own write cannot speak for this page; keep the in-page choice then. A decision
      // carried by another tab's message is still weighed below: it does not depend on the store.
      if (!this.#hasWarnedStore && this.adoptStored()) this.#onChange();
      return;
    }
    const mine = this.#inForce;
    const order = mine ? compareDecisions(theirs, mine) : 1;
    if (order > 0) {
      // Written here too: each tab's cookie writes reach the browser in order, but two tabs' writes may not,
      // so the cookie ends on the winner only if every tab's last write is the winner.
      this.#env.store.write(decision!);
      this.previous = theirs;
      this.#staleReason = staleReason(theirs, this.#config, this.#env.now());
      this.#inForce = this.#staleReason ? null : theirs;
      this.#onChange();
    } else if (order < 0 && mine) {
      const encoded = encodeRecord(mine);
      this.#env.store.write(encoded);
      this.#env.tabs?.post(encoded);
    }
  }

  /**
   * A write that does not read back was either refused, or another tab wrote its own decision of the same
   * moment in between (the browser applies two tabs' writes in any order). Only the first is the store's fault:
   * the second is settled between the tabs by {@link compareDecisions} when their messages arrive.
   */
  #isOverwrittenByPeer(record: ConsentRecord): boolean {
    const found = decodeRecord(this.#env.store.read());
    return found !== null && Date.parse(found.updatedAt) >= Date.parse(record.updatedAt);
  }

  /** Puts a decision made on this page in force and tells the other tabs and the listeners. */
  #commit(record: ConsentRecord | null): void {
    this.#inForce = record;
    this.#env.tabs?.post(record && encodeRecord(record));
    this.#onChange();
  }
}

function sameRecord(a: ConsentRecord | null, b: ConsentRecord | null): boolean {
  return a === b || (a !== null && b !== null && encodeRecord(a) === encodeRecord(b));
}
