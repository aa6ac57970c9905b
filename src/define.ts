/**
 * Registers consent-kit's custom elements. The one module with a registration side effect; importing it
 * twice, or next to the script-tag build, is harmless.
 */
import { ConsentBanner } from './ui/consent-banner/consent-banner.js';

if (!customElements.get('consent-banner')) customElements.define('consent-banner', ConsentBanner);

export { ConsentBanner };
