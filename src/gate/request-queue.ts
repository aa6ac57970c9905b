/**
 * A first-in, first-out queue with a fixed number of places. Pushing into a full queue evicts the oldest
 * item and hands it back, so the caller can count and refuse it: memory stays bounded however many
 * requests a page makes before the visitor decides.
 */
export class RequestQueue<T> {
  #items: T[] = [];
  #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  get size(): number {
    return this.#items.length;
  }

  /** Adds `item` last; returns the items evicted to make room (the item itself when the limit is 0). */
  push(item: T): T[] {
    this.#items.push(item);
    return this.#evict();
  }

  /** Changes the number of places; returns the oldest items that no longer fit. */
  resize(limit: number): T[] {
    this.#limit = limit;
    return this.#evict();
  }

  /** Empties the queue and returns its items, oldest first. */
  takeAll(): T[] {
    return this.#items.splice(0);
  }

  #evict(): T[] {
    return this.#items.length > this.#limit ? this.#items.splice(0, this.#items.length - this.#limit) : [];
  }
}
