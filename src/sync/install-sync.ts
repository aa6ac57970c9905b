import { SYNC_REGISTRY, type SyncFactory } from '../core/environment.js';
import { createBrowserSync } from './browser-sync.js';

/**
 * Makes the preferences endpoint client available to `init()`: from then on a config with `endpoint` gets
 * decisions synced. Idempotent; safe next to the script-tag build. Does nothing by itself: no request is
 * made before `init()` with an `endpoint`.
 */
export function installSync(): void {
  const registry = globalThis as { [SYNC_REGISTRY]?: SyncFactory };
  registry[SYNC_REGISTRY] ??= createBrowserSync;
}
