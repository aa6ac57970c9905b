import type { ConsentManager } from '../core/consent-manager.js';
import type { RequestGate } from '../core/environment.js';
import { pageEntry, setPageEntry } from '../browser/page-registry.js';
import { DEV_MODE } from '../core/dev-mode.js';
import { ConsentUsageError } from '../core/errors.js';
import { get } from '../browser/page-manager.js';
import { followConsentMode, usesConsentMode, type GoogleTagGlobals } from './consent-mode.js';
import { deleteCookies } from './cookie-cleanup.js';
import { deleteStorage } from './storage-cleanup.js';
import { ElementGate } from './element-gate.js';
import { GateKeeper } from './gate-keeper.js';
import { patchNetwork } from './network-gate.js';
import { followWithdrawals } from './withdrawal.js';

/** Options of {@link installGate}. */
export interface GateOptions {
  /** How the page reloads after a withdrawal (`reloadOnWithdraw`); `location.reload()` by default. */
  reload?: () => void;
}

/**
 * Installs the page's request gate: from this moment on, requests to hosts a category lists (made with
 * `fetch`, XHR, `sendBeacon`, images, injected scripts, iframes or links) are held until the visitor decides,
 * sent if the category is granted, dropped if it is denied; `type="text/plain"` scripts and `data-src`
 * elements wait for their category; cookie and storage writes of a category not granted are refused;
 * Google Consent Mode gets its default and updates; a withdrawal deletes the category's cookies and storage
 * and reloads the page once, as does a grant after a denial that the category's untagged scripts outlived.
 *
 * Call it first, before `init()` and before any other script: it only sees requests made after it ran.
 * `init()` connects the page's manager to it; until then, requests to other hosts than the page's own are
 * held, because the config is not known yet. The script-tag build calls it itself. Installing twice (or next
 * to the script-tag build) returns the gate already there. Requests to hosts no category lists are never
 * touched, and nothing is ever sent that the visitor has not allowed.
 */
export function installGate(options: GateOptions = {}): RequestGate {
  const existing = pageEntry('gate');
  if (existing) return existing;
  if (typeof document === 'undefined') {
    throw new ConsentUsageError(
      'no-document',
      DEV_MODE ? 'consent-kit: installGate() runs in a browser page, before init()' : '',
    );
  }
  const page = window as PageGlobals;
  const reload = reloadOnce(options.reload ?? (() => location.reload()));
  // A grant after a denial that untagged scripts outlived takes effect from the next load: reload into it.
  let connected: ConsentManager | null = null;
  const keeper = new GateKeeper(
    document,
    () => document.baseURI,
    () => location.host,
    () => connected?.config.reloadOnWithdraw && reload(),
  );
  const elements = new ElementGate(
    document,
    (id) => keeper.has(id),
    (url) => keeper.judge(url).verdict === 'pass',
    (id) => !!connected && !connected.configError && !connected.has(id),
  );
  patchNetwork(page, keeper, () => elements.activate());
  let unsubscribe: (() => void)[] = [];

  const gate: RequestGate = {
    connect(consent) {
      connected = consent;
      for (const stop of unsubscribe) stop();
      unsubscribe = consent && !consent.configError ? followDecisions(consent, page, elements, reload) : [];
      keeper.connect(consent);
      elements.activate();
    },
    blocked: () => keeper.blocked(),
    beacon: (category, url, data) => keeper.beacon(url, () => navigator.sendBeacon(url, data), [category]),
  };
  setPageEntry('gate', gate);

  const manager = get();
  if (manager) {
    console.warn(
      DEV_MODE
        ? 'consent-kit: installGate() ran after init(); requests made before it were not gated, and manager.blocked() stays empty. Call installGate() first.'
        : 'consent-kit: gate-after-init',
    );
    gate.connect(manager);
  }
  return gate;
}

type PageGlobals = Window & typeof globalThis & GoogleTagGlobals;

/**
 * What the gate does with each decision of a connected manager besides deciding requests and writes: tells
 * Google's tags (Consent Mode), cleans up after denials, and lets waiting scripts and elements load. Returns
 * the functions that stop each.
 */
function followDecisions(consent: ConsentManager, page: PageGlobals, elements: ElementGate, reload: () => void) {
  // Consent Mode first, so Google tags hear of a grant before their held requests go out.
  const stops = usesConsentMode(consent, page) ? [followConsentMode(consent, page)] : [];
  const { domain, name } = consent.config.cookie;
  const { hostname, pathname, protocol } = location;
  const scope = { hostname, pathname, domain, keep: name, isSecure: protocol === 'https:' };
  stops.push(
    followWithdrawals(consent, {
      deleteCookies: (patterns) => deleteCookies(document, patterns, scope),
      // In the entry, not a chunk: the reload after a withdrawal would come before a chunk arrived, and
      // the next page's trackers would read their keys before it did.
      deleteStorage: (patterns) => deleteStorage(page, patterns),
      reload,
    }),
  );
  stops.push(consent.on('change', () => elements.activate()));
  return stops;
}

/** `reload`, at most once per page: a withdrawal and a late grant may both ask for it. */
function reloadOnce(reload: () => void): () => void {
  let hasReloaded = false;
  return () => {
    if (hasReloaded) return;
    hasReloaded = true;
    reload();
  };
}
