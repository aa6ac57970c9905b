import type { ConsentConfig } from '../schema/config.js';
import { ConsentManager } from '../core/consent-manager.js';
import { createCookieStore } from './cookie-store.js';
import { DEV_MODE } from '../core/dev-mode.js';
import type { ConsentEnvironment } from '../core/environment.js';
import type { ConsentConfigError } from '../core/errors.js';
import { ConsentUsageError } from '../core/errors.js';
import { pageEntry, setPageEntry } from './page-registry.js';
import { createTabChannel } from './tab-channel.js';

/*
 * One manager per page, in the page registry (see page-registry.ts). This module never validates a config
 * itself (see init.ts), so the script tag can start a manager from a checked config without downloading the
 * validator.
 */

/**
 * Starts the page's manager on the config `load` returns. Called again, it returns the first manager and
 * warns. When `load` throws, the page gets a manager on `fallback()` that fails closed (grants nothing, stores
 * nothing), so code calling {@link get} keeps working, and the error is rethrown.
 */
export function start(load: () => ConsentConfig, fallback?: () => ConsentConfig): ConsentManager {
  const existing = get();
  if (existing) {
    console.warn(
      DEV_MODE
        ? 'consent-kit: init() was called more than once; the first configuration stays in force. Use get() to reach the manager.'
        : 'consent-kit: init-twice',
    );
    return existing;
  }
  if (typeof document === 'undefined') {
    throw new ConsentUsageError(
      'no-document',
      DEV_MODE
        ? 'consent-kit: init() runs in a browser page; in Node, construct ConsentManager with an environment of your own'
        : '',
    );
  }
  let config: ConsentConfig;
  try {
    config = load();
  } catch (error) {
    if (fallback) register(failClosedManager(fallback(), error as ConsentConfigError));
    throw error;
  }
  return register(new ConsentManager(config, browserEnvironment(config)));
}

/** The page's manager, or `undefined` before `init()` (or before the script tag found its config). */
export function get(): ConsentManager | undefined {
  return pageEntry('manager');
}

/**
 * Resolves with the page's manager as soon as there is one: at once after `init()`, else when the script
 * tag has read (and, unless it was checked ahead of time, validated) the page's config. Page code that needs
 * the manager right after the script tag waits for it this way rather than calling {@link get} too early.
 */
export function whenReady(): Promise<ConsentManager> {
  const manager = get();
  if (manager) return Promise.resolve(manager);
  // The manager announces itself from its constructor, just before it is registered: look it up a moment later.
  return new Promise((resolve) => {
    document.addEventListener('consent:ready', () => queueMicrotask(() => resolve(get()!)), { once: true });
  });
}

/** A manager for a page whose config could not be used: it grants nothing and leaves the stored decision alone. */
function failClosedManager(placeholder: ConsentConfig, error: ConsentConfigError): ConsentManager {
  const untouchedStore = { read: () => undefined, write: () => false, remove() {} };
  return new ConsentManager(placeholder, { store: untouchedStore, events: document, gate: pageEntry('gate') }, error);
}

function register(manager: ConsentManager): ConsentManager {
  setPageEntry('manager', manager);
  return manager;
}

function browserEnvironment(config: ConsentConfig): ConsentEnvironment {
  return {
    store: createCookieStore(config.cookie),
    tabs: createTabChannel(config.cookie.name),
    gpc: (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
    events: document,
    // Read from the registry, so that core never imports the gate or the endpoint client.
    gate: pageEntry('gate'),
    sync: config.endpoint ? pageEntry('sync')?.(config) : undefined,
  };
}
