import type { ConsentConfig, ConsentConfigInput } from './schema/config.js';
import type { ConsentManager } from './core/consent-manager.js';

/**
 * What `window.ConsentKit` offers: the npm API, except for what needs a chunk the script tag fetches on first
 * use. `installSync()` fetches the endpoint client only for a config with an `endpoint` (see
 * {@link installSyncOnDemand}); `init()`, `parseConfig()` and `parseConfigJson()` fetch the config validator,
 * so on the script tag they return promises.
 */
export * from './index.js';
export { installSyncOnDemand as installSync } from './sync/install-sync-on-demand.js';

/** The validator chunk; a module is fetched once, so every caller shares the one download. */
const loadValidator = () => import('./script-tag-validator.js');

/** The npm `init()`, once the validator has been fetched: resolves to the manager, rejects as `init()` throws. */
export async function init(config: ConsentConfigInput): Promise<ConsentManager> {
  return (await loadValidator()).init(config);
}

/** The npm `parseConfig()`, once the validator has been fetched. */
export async function parseConfig(input: unknown): Promise<ConsentConfig> {
  return (await loadValidator()).parseConfig(input);
}

/** The npm `parseConfigJson()`, once the validator has been fetched. */
export async function parseConfigJson(text: string): Promise<ConsentConfig> {
  return (await loadValidator()).parseConfigJson(text);
}
