/** A minimal typed event emitter; listeners that throw are isolated so one bad listener cannot stop the rest. */
export class Emitter<Events extends Record<string, unknown>> {
  #listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        (listener as (payload: Events[K]) => void)(payload);
      } catch (error) {
        reportListenerError(error);
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}

function reportListenerError(error: unknown): void {
  // Surface the error like an uncaught one, without unwinding the SDK's own code.
  setTimeout(() => {
    throw error;
  });
}
