// Time to banner visible on first visits each made in a new tab, so each starts a new renderer as a visitor's
// first page of a site does. Page cost keeps one tab per variant (a renderer start per visit would cost more of
// the time budget than the visit), and with it whatever the renderer set up on an earlier visit: the browser's
// ICU, for one, which a page's first Intl call starts (about 12 ms). Medians of RUNS visits, the variants taking
// turns, next to the reference, with page cost's target.
import { serveVariants } from './bench-server.mjs';
import { firstVisit, median, openTab } from './first-visit.mjs';
import { variantNames } from './reference.mjs';
import { sharedBrowser } from './shared-browser.mjs';
import { figureRows, ratiosToReference } from './target-rows.mjs';

const RUNS = 11;
const TARGET = 1.0;

export const name = `first visit in a new tab (a new renderer each; median of ${RUNS} visits)`;

export async function run() {
  const server = await serveVariants();
  const browser = await sharedBrowser();
  try {
    const bannerMs = Object.fromEntries(Object.keys(variantNames).map((variant) => [variant, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const variant of Object.keys(variantNames)) {
        const tab = await openTab(browser, variant);
        try {
          bannerMs[variant].push(await firstVisit(tab, server.origin));
        } finally {
          await tab.context.close();
        }
      }
    }
    const medianOf = (variant) => median(bannerMs[variant]);
    return [
      ...figureRows(variantNames, 'time to banner visible', medianOf, 'ms'),
      ...ratiosToReference(variantNames, 'time to banner visible in a new tab', medianOf, TARGET),
    ];
  } finally {
    await server.close();
  }
}
