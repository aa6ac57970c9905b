/**
 * Registers consent-kit's custom elements. The one module with a registration side effect; importing it
 * twice, or next to the script-tag build, is harmless.
 */
import { ConsentBanner } from './ui/consent-banner/consent-banner.js';
import { ConsentPreferences } from './ui/consent-preferences/consent-preferences.js';
import { defineElement } from './ui/define-element.js';
import { openPreferences } from './ui/open-preferences.js';

defineElement('consent-banner', ConsentBanner);
defineElement('consent-preferences', ConsentPreferences);

export { ConsentBanner, ConsentPreferences, openPreferences };
