import type { ConsentConfigInput } from '../schema/config.js';
import { failClosedConfig, parseConfig, parseConfigJson } from '../core/config.js';
import type { ConsentManager } from '../core/consent-manager.js';
import { start } from './page-manager.js';

/**
 * Starts consent-kit on this page and returns its manager. Called again, it returns the first manager and
 * warns. An invalid config throws a `ConsentConfigError`, and the page still gets a manager that fails
 * closed (grants nothing, stores nothing), so code calling `get()` keeps working.
 */
export function init(config: ConsentConfigInput): ConsentManager {
  return start(() => parseConfig(config), failClosedConfig);
}

/** {@link init} for the JSON text of the page's config tag; invalid JSON fails closed the same way. */
export function initFromJson(text: string): ConsentManager {
  return start(() => parseConfigJson(text), failClosedConfig);
}
