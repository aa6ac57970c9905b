/**
 * The script-tag entry, built into `consent-kit.iife.js` and exposed as `window.ConsentKit`.
 * It reads the page's `<script type="application/json" data-consent-kit>` (before or after its own tag),
 * starts the manager and shows the banner. A bad config is reported once with `console.error` and the page
 * gets a manager that grants nothing: nothing is thrown into the host page. The preferences panel and the
 * endpoint client are chunks of their own next to the script, fetched the first time the page needs them.
 */
import * as z from 'zod/mini';
import { installGate } from './gate/install-gate.js';
import { ConsentConfigError } from './core/errors.js';
import { get, initFromJson } from './core/page-manager.js';
import * as api from './script-tag-api.js';
import { ConsentBanner } from './ui/consent-banner/consent-banner.js';
import { defineElement } from './ui/define-element.js';
import { definePreferencesOnDemand } from './ui/preferences-on-demand.js';

// For pages that load this entry as a module (the demo); the script tag gets the same API as window.ConsentKit.
export * from './script-tag-api.js';

const CONFIG_SELECTOR = 'script[type="application/json"][data-consent-kit]';

// The gate goes in first, while this script still runs in the page's first task, so no later script can send
// a request it does not see. The manager connects to it when boot() starts one.
const gate = installGate();
// A config with an `endpoint` gets its decisions synced; without one the client is never fetched.
api.installSync();

(globalThis as { ConsentKit?: typeof api }).ConsentKit = { ...api };

defineElement('consent-banner', ConsentBanner);
definePreferencesOnDemand(async () => (await import('./ui/consent-preferences/consent-preferences.js')).ConsentPreferences);

// This bundle's zod is its own, so it may skip compiling validators with new Function(): that keeps pages
// under a strict Content-Security-Policy or Trusted Types free of violations.
z.config({ jitless: true });

function boot(): void {
  if (get()) return; // loaded twice, or the page called init() itself
  const tags = document.querySelectorAll(CONFIG_SELECTOR);
  if (tags.length === 0) {
    gate.connect(null); // no consent config on this page: stop holding requests to other hosts
    return;
  }
  if (tags.length > 1) console.warn('consent-kit: the page has more than one config tag; using the first');
  try {
    initFromJson(tags[0]!.textContent ?? '');
  } catch (error) {
    // initFromJson has already put a manager that grants nothing in place; the page only needs to hear why.
    console.error(error instanceof ConsentConfigError ? error.message : error);
  }
  mountBanner();
}

function mountBanner(): void {
  if (document.querySelector('consent-banner')) return;
  const place = () => document.body.append(document.createElement('consent-banner'));
  if (document.body) place();
  else document.addEventListener('DOMContentLoaded', place, { once: true });
}

if (document.querySelector(CONFIG_SELECTOR) || document.readyState !== 'loading') boot();
else document.addEventListener('DOMContentLoaded', boot, { once: true });
