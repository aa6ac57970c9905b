/**
 * Registers consent-kit's custom elements. The one module with a registration side effect; importing it
 * twice, or next to the script-tag build, is harmless.
 */
import { ConsentBanner } from './ui/consent-banner/consent-banner.js';
import { placePlaceholder } from './ui/consent-embed/place-placeholder.js';
import { ConsentPreferences } from './ui/consent-preferences/consent-preferences.js';
import { defineElement } from './ui/define-element.js';
import { placeEmbedsOnDemand } from './ui/embeds-on-demand.js';
import { openPreferences } from './ui/open-preferences.js';

defineElement('consent-banner', ConsentBanner);
defineElement('consent-preferences', ConsentPreferences);
// Embeds the visitor has not allowed get their placeholder (see docs/embeds.md); import this before init().
placeEmbedsOnDemand(async () => placePlaceholder);

export { ConsentBanner, ConsentPreferences, openPreferences };
