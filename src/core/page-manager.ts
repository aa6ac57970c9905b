import type { ConsentConfig, ConsentConfigInput } from '../schema/config.js';
import { parseConfig, parseConfigJson } from './config.js';
import { ConsentManager } from './consent-manager.js';
import { createCookieStore } from './cookie-store.js';
import {
  GATE_REGISTRY, SYNC_REGISTRY, type ConsentEnvironment, type RequestGate, type SyncFactory,
} from './environment.js';
import { ConsentConfigError, ConsentUsageError } from './errors.js';
import { createTabChannel } from './tab-channel.js';

/*
 * One manager per page, kept on a global symbol rather than in module scope: a page that loads the script-tag
 * build twice, or the script tag and the npm import side by side, still has one decision and one banner.
 */
const REGISTRY = Symbol.for('consent-kit.manager');
type Registry = { [REGISTRY]?: ConsentManager };

/**
 * Starts consent-kit on this page and returns its manager. Called again, it returns the first manager and
 * warns. An invalid config throws a {@link ConsentConfigError}, and the page still gets a manager that fails
 * closed (grants nothing, stores nothing), so code calling {@link get} keeps working.
 */
export function init(config: ConsentConfigInput): ConsentManager {
  return start(() => parseConfig(config));
}

/** {@link init} for the JSON text of the page's config tag; invalid JSON fails closed the same way. */
export function initFromJson(text: string): ConsentManager {
  return start(() => parseConfigJson(text));
}

function start(parse: () => ConsentConfig): ConsentManager {
  const existing = get();
  if (existing) {
    console.warn('consent-kit: init() was called more than once; the first configuration stays in force. Use get() to reach the manager.');
    return existing;
  }
  if (typeof document === 'undefined') {
    throw new ConsentUsageError(
      'no-document',
      'consent-kit: init() runs in a browser page; in Node, construct ConsentManager with an environment of your own',
    );
  }
  let parsed: ConsentConfig;
  try {
    parsed = parse();
  } catch (error) {
    register(failClosedManager(error as ConsentConfigError));
    throw error;
  }
  return register(new ConsentManager(parsed, browserEnvironment(parsed)));
}

/** The page's manager, or `undefined` before {@link init} (or before the script tag found its config). */
export function get(): ConsentManager | undefined {
  return (globalThis as Registry)[REGISTRY];
}

/** A manager for a page whose config could not be used: it grants nothing and leaves the stored decision alone. */
function failClosedManager(error: ConsentConfigError): ConsentManager {
  const placeholder = parseConfig({ policy: { version: '0', url: '/' }, categories: [{ id: 'necessary', required: true }] });
  const untouchedStore = { read: () => undefined, write: () => false, remove() {} };
  return new ConsentManager(placeholder, { store: untouchedStore, events: document, gate: installedGate() }, error);
}

function register(manager: ConsentManager): ConsentManager {
  (globalThis as Registry)[REGISTRY] = manager;
  return manager;
}

function browserEnvironment(config: ConsentConfig): ConsentEnvironment {
  return {
    store: createCookieStore(config.cookie),
    tabs: createTabChannel(config.cookie.name),
    gpc: (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
    events: document,
    gate: installedGate(),
    sync: config.endpoint ? (globalThis as { [SYNC_REGISTRY]?: SyncFactory })[SYNC_REGISTRY]?.(config) : undefined,
  };
}

/** The gate `installGate()` put on the page, if any; read here so that core never imports the gate. */
function installedGate(): RequestGate | undefined {
  return (globalThis as { [GATE_REGISTRY]?: RequestGate })[GATE_REGISTRY];
}
