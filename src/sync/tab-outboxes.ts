import type { OutboxEntry } from '../schema/outbox.js';
import { idOf, type Outbox } from './outbox.js';

/** Where a site's tabs keep their outboxes: named stores under one prefix (localStorage keys, or cookies). */
export interface OutboxShelf {
  /** The shared outbox's name; a tab's own is `<prefix>.<tab id>`. */
  prefix: string;
  /** Names of the outboxes kept now, in no particular order. */
  names(): string[];
  /** The outbox kept under `name`. */
  open(name: string): Outbox;
}

/**
 * Takes the outbox `name` for this page when no live page holds it (Web Locks in a browser), and keeps it for
 * the page's lifetime; resolves whether it did.
 */
export type ClaimOutbox = (name: string) => Promise<boolean>;

/**
 * The outboxes one page sends from: its own, and those it claimed from tabs that have gone. Each tab writes
 * only its own outbox, because neither localStorage nor cookies can be updated atomically across tabs (each
 * tab's copy catches up with another's writes a moment late): with one shared outbox, a tab adding its change
 * could write back a change another tab had just delivered and removed, and it would be sent twice. A tab's
 * outbox is held by its page for the page's lifetime; once the page is gone, the next page to deliver claims
 * what it left. Without a way to claim (no Web Locks), every tab uses the one shared name, as before.
 */
export class TabOutboxes {
  #shelf: OutboxShelf;
  #ownName: string;
  #own: Outbox;
  #claim: ClaimOutbox | undefined;
  #claimed = new Map<string, Outbox>();

  constructor(shelf: OutboxShelf, ownName: string, claim?: ClaimOutbox) {
    this.#shelf = shelf;
    this.#ownName = ownName;
    this.#own = shelf.open(ownName);
    this.#claim = claim;
  }

  /** Pending changes: this page's own, oldest first, then those of gone tabs it claimed. */
  list(): OutboxEntry[] {
    return this.#all().flatMap((outbox) => outbox.list());
  }

  /** Adds a change to this page's own outbox; an erasure also drops the claimed changes of its record. */
  add(entry: OutboxEntry): void {
    if (entry.kind === 'delete') {
      for (const outbox of this.#claimed.values()) {
        for (const pending of outbox.list()) if (idOf(pending) === entry.id) outbox.remove(pending.key);
      }
    }
    this.#own.add(entry);
  }

  remove(key: string): void {
    for (const outbox of this.#all()) outbox.remove(key);
  }

  /** Claims the outboxes on the shelf whose pages are gone; never rejects. */
  async claimGone(): Promise<void> {
    if (!this.#claim) return;
    for (const name of this.#shelf.names()) {
      if (name === this.#ownName || this.#claimed.has(name)) continue;
      if (await this.#claim(name).catch(() => false)) this.#claimed.set(name, this.#shelf.open(name));
    }
  }

  #all(): Outbox[] {
    return [this.#own, ...this.#claimed.values()];
  }
}
