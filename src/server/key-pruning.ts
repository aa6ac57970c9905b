import { IDEMPOTENCY_WINDOW_MS, type ConsentStore } from './consent-store.js';
import type { HandlerLog } from './consent-handler-options.js';

const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 500;

/**
 * Called on every write with the time it was received: at most once a minute, expired idempotency keys
 * are deleted in small batches, in the background, so no request waits for it.
 */
export type PruneNowAndThen = (at: number) => void;

/** The pruning of one store's expired idempotency keys; a failure is logged, never thrown at a request. */
export function createKeyPruning(store: ConsentStore, log: HandlerLog): PruneNowAndThen {
  let lastPrune = -Infinity;
  return (at) => {
    if (at - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = at;
    const before = new Date(at - IDEMPOTENCY_WINDOW_MS).toISOString();
    void (async () => {
      while ((await store.pruneKeys(before, PRUNE_BATCH)) === PRUNE_BATCH);
    })().catch((error: unknown) =>
      log('consent-kit: the store failed (pruning expired idempotency keys)', (error as Error).cause ?? error),
    );
  };
}
