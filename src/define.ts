/**
 * Registers consent-kit's custom elements. The one module with a registration side effect; importing it
 * twice, or next to the script-tag build, is harmless.
 */
import { ConsentBanner } from './ui/consent-banner/consent-banner.js';
import { ConsentPreferences } from './ui/consent-preferences/consent-preferences.js';
import { openPreferences } from './ui/open-preferences.js';

for (const [name, element] of [
  ['consent-banner', ConsentBanner],
  ['consent-preferences', ConsentPreferences],
] as const) {
  if (!customElements.get(name)) customElements.define(name, element);
}

export { ConsentBanner, ConsentPreferences, openPreferences };
