import { pageEntry, setPageEntry } from '../browser/page-registry.js';
import { createBrowserSync } from './browser-sync.js';

/**
 * Makes the preferences endpoint client available to `init()`: from then on a config with `endpoint` gets
 * decisions synced. Idempotent; safe next to the script-tag build. Does nothing by itself: no request is
 * made before `init()` with an `endpoint`.
 */
export function installSync(): void {
  if (!pageEntry('sync')) setPageEntry('sync', createBrowserSync);
}
