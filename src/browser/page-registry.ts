import type { ConsentManager } from '../core/consent-manager.js';
import type { RequestGate, SyncFactory } from '../core/environment.js';

/**
 * What every copy of consent-kit on one page shares, and who puts it there. Kept on global symbols rather
 * than in module scope: a page that loads the script tag twice, or the script tag and the npm import side by
 * side, still has one gate, one endpoint client, one manager and one banner.
 *
 * Set-up order: `installGate()` and `installSync()` put theirs here first; `init()` (or the script tag) reads
 * them while it starts the manager and then registers it; `get()`, `whenReady()` and the elements read it.
 */
export interface PageEntries {
  /** The page's request gate (`installGate()`), which the manager connects to. */
  gate: RequestGate;
  /** Makes the endpoint client for a config with an `endpoint` (`installSync()`). */
  sync: SyncFactory;
  /** The page's one manager (`init()`, or the script tag once it has read the page's config). */
  manager: ConsentManager;
  /** Set by the first script tag that starts, so a page that loads it twice starts one manager. */
  booted: true;
}

/** The global symbol of each entry: `Symbol.for`, so that every copy of the SDK finds the same one. */
const KEYS: { readonly [K in keyof PageEntries]: symbol } = {
  gate: Symbol.for('consent-kit.gate'),
  sync: Symbol.for('consent-kit.sync'),
  manager: Symbol.for('consent-kit.manager'),
  booted: Symbol.for('consent-kit.booted'),
};

const page = globalThis as unknown as Record<symbol, unknown>;

/** The page's entry `name`, or `undefined` while nothing has put it there. */
export function pageEntry<K extends keyof PageEntries>(name: K): PageEntries[K] | undefined {
  return page[KEYS[name]] as PageEntries[K] | undefined;
}

/** Puts `value` in the page's entry `name` (`undefined` removes it). */
export function setPageEntry<K extends keyof PageEntries>(name: K, value: PageEntries[K] | undefined): void {
  if (value === undefined) delete page[KEYS[name]];
  else page[KEYS[name]] = value;
}
