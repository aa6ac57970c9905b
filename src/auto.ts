/**
 * The script-tag entry, built into `consent-kit.iife.js` and exposed as `window.ConsentKit`.
 * It reads the page's `<script type="application/json" data-consent-kit>` (before or after its own tag),
 * starts the manager and shows the banner. A config checked ahead of time (`consent-kit config`), or one of
 * the common fields only (the README's quick start, see core/common-config.ts), starts at once; a common one
 * that names presets first fetches the small chunk of preset lists; any other is validated by a chunk
 * fetched first. A bad config is reported once with `console.error` and the page gets a manager that grants
 * nothing: nothing is thrown into the host page. The validator, the preferences panel, the embed placeholder
 * and the endpoint client are chunks of their own next to the script, fetched the first time the page needs them.
 */
import { installGate } from './gate/install-gate.js';
import { CHECKED_ATTRIBUTE, readCheckedConfig } from './core/checked-config.js';
import { readCommonConfig } from './core/common-config.js';
import type { ConsentConfig } from './schema/config.js';
import { DEV_MODE } from './core/dev-mode.js';
import { get, start } from './browser/page-manager.js';
import { pageEntry, setPageEntry } from './browser/page-registry.js';
import * as api from './script-tag-api.js';
import { ConsentBanner } from './ui/consent-banner/consent-banner.js';
import { defineElement } from './ui/define-element.js';
import { placeEmbedsOnDemand } from './ui/embeds-on-demand.js';
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
definePreferencesOnDemand(
  async () => (await import('./ui/consent-preferences/consent-preferences.js')).ConsentPreferences,
);
// Only a page with an embed the visitor has not allowed fetches the placeholder.
placeEmbedsOnDemand(async () => (await import('./ui/consent-embed/place-placeholder.js')).placePlaceholder);

function boot(): void {
  if (get() || pageEntry('booted')) return; // loaded twice, or the page called init() itself
  setPageEntry('booted', true);
  const tags = document.querySelectorAll(CONFIG_SELECTOR);
  if (tags.length === 0) {
    gate.connect(null); // no consent config on this page: stop holding requests to other hosts
    return;
  }
  if (tags.length > 1)
    console.warn(
      DEV_MODE
        ? 'consent-kit: the page has more than one config tag; using the first'
        : 'consent-kit: several-config-tags',
    );
  const tag = tags[0]!;
  const text = tag.textContent ?? '';
  // A checked config, or one of the common fields only, starts at once; any other needs the validator.
  const checked = readCheckedConfig(text, tag.getAttribute(CHECKED_ATTRIBUTE)) ?? readCommonConfig(text);
  if (!checked || !startChecked(checked)) void startUnchecked(text);
  mountBanner();
}

/**
 * A common config that names presets needs only the preset lists, a chunk far smaller than the validator;
 * any other config (or one those lists do not make readable) is validated in the page.
 */
async function startUnchecked(text: string): Promise<void> {
  if (text.includes('"presets"')) {
    const presets = await import('./shared/preset-services.js').catch(() => undefined);
    const common = presets && readCommonConfig(text, presets);
    if (common && startChecked(common)) return;
  }
  await validateInPage(text);
}

/**
 * Starts the manager on a config checked ahead of time or read as a common one. False when it holds no
 * usable config after all, which only a stamp set by hand can cause: that config is then validated like any
 * other, so its errors are named.
 */
function startChecked(config: ConsentConfig): boolean {
  try {
    start(() => config);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the manager on a config that was not checked ahead of time. Until the validator has arrived the
 * gate holds every request and the banner waits, as they do for any page still deciding.
 */
async function validateInPage(text: string): Promise<void> {
  let validator: typeof import('./script-tag-validator.js');
  try {
    validator = await import('./script-tag-validator.js');
  } catch (error) {
    console.error(
      'consent-kit: the config validator could not be loaded, so no optional category is granted on this page. ' +
        'Publish the consent-kit-*.js files next to the script (from another origin they need Access-Control-Allow-Origin), ' +
        'or check the config ahead of time with "consent-kit config".',
      error,
    );
    return;
  }
  validator.startFromTag(text);
}

/**
 * Puts the banner first in the body: first in the focus order, so the visitor's first Tab lands in it, and
 * first for a screen reader, without taking focus. It is fixed over the page, so this moves no content.
 */
function mountBanner(): void {
  if (document.querySelector('consent-banner')) return;
  const place = () => document.body.prepend(document.createElement('consent-banner'));
  if (document.body) place();
  else document.addEventListener('DOMContentLoaded', place, { once: true });
}

// In a microtask: it runs as soon as this script ends, before the page's next script, so that one finds the
// manager started. Reading the decision cookie while this script's own evaluation is on the stack would make
// a stack capture there (Chromium takes one on every document.cookie read while DevTools are attached) parse
// the whole bundle again for source positions: about 3.5 ms of main-thread time (docs/architecture.md).
if (document.querySelector(CONFIG_SELECTOR) || document.readyState !== 'loading') queueMicrotask(boot);
else document.addEventListener('DOMContentLoaded', boot, { once: true });
