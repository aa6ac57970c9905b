import type { DecisionStore } from '../core/environment.js';
import { OutboxSchema, type OutboxEntry } from '../schema/outbox.js';
import * as z from 'zod/mini';

/**
 * Changes waiting for the endpoint, kept across page loads (and shared by the site's tabs) in a
 * {@link DecisionStore}: localStorage, or a cookie when localStorage is unavailable. When the storage refuses
 * to keep them (cookies and localStorage both off), they are kept in memory and still leave from this page.
 * Never throws: an unreadable or edited outbox reads as empty.
 */
export class Outbox {
  #storage: DecisionStore;
  #capacity: number;
  /** The outbox the storage refused to keep, if it did. */
  #unsaved: string | undefined;

  /** @param capacity most characters the storage holds; beyond it, superseded changes are dropped first. */
  constructor(storage: DecisionStore, capacity = Number.POSITIVE_INFINITY) {
    this.#storage = storage;
    this.#capacity = capacity;
  }

  /** Pending changes, oldest first. */
  list(): OutboxEntry[] {
    try {
      const parsed = z.safeParse(OutboxSchema, JSON.parse(this.#unsaved ?? this.#storage.read() ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  /** Adds a change; a DELETE replaces every pending change of its record, which no longer matters. */
  add(entry: OutboxEntry): void {
    const pending = entry.kind === 'delete' ? this.list().filter((e) => idOf(e) !== entry.id) : this.list();
    this.#write([...pending, entry]);
  }

  /** Removes a change; an outbox without it is left as it is (not written again). */
  remove(key: string): void {
    const pending = this.list();
    const kept = pending.filter((e) => e.key !== key);
    if (kept.length !== pending.length) this.#write(kept);
  }

  #write(entries: OutboxEntry[]): void {
    if (entries.length === 0) {
      this.#unsaved = undefined;
      this.#storage.remove();
      return;
    }
    let kept = entries;
    // Over capacity (the cookie fallback): keep the newest change of each record, then only the newest.
    if (JSON.stringify(kept).length > this.#capacity)
      kept = kept.filter((e, i) => !kept.slice(i + 1).some((later) => idOf(later) === idOf(e)));
    while (kept.length > 1 && JSON.stringify(kept).length > this.#capacity) kept = kept.slice(1);
    const text = JSON.stringify(kept);
    this.#unsaved = this.#storage.write(text) ? undefined : text;
  }
}

/** The record a change is about. */
export function idOf(entry: OutboxEntry): string {
  return entry.kind === 'put' ? entry.record.id : entry.id;
}
