// Stands in for `<script src="consent-kit.iife.js">` while developing: the script-tag entry from source, with
// its API on window.ConsentKit as the built bundle puts it. `npm run demo:preview` swaps this tag for the
// built file.
import * as ConsentKit from '../src/auto.js';

(window as unknown as { ConsentKit: typeof ConsentKit }).ConsentKit = ConsentKit;
