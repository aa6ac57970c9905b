/**
 * What `window.ConsentKit` offers: the npm API, except that `installSync()` fetches the endpoint client only
 * for a config with an `endpoint` (see {@link installSyncOnDemand}).
 */
export * from './index.js';
export { installSyncOnDemand as installSync } from './sync/install-sync-on-demand.js';
