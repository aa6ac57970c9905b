// The Chromium every browser test runs in: the finder the CLI uses too, with Playwright's own download as
// one of the places it looks.
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumPath as findChromium } from '../src/server/chromium-path.mjs';

export { CHROMIUM_ARGS };

export function chromiumPath() {
  return findChromium(() => chromium.executablePath(), 'the browser tests');
}
