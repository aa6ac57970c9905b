// Script time and heap on a long page: the content page with its main text repeated (bench-server.mjs), so 900
// more elements are parsed after the SDK's script. A cost that grows with the page, such as looking at every
// element the parser adds, hardly shows on the short content page; here it would. Medians of RUNS first visits
// each, the variants taking turns, next to the reference on the same long page, with the script-time target of
// the content page.
import { LONG_PAGE_REPEATS, serveVariants } from './bench-server.mjs';
import { measuredVisitsInTurn } from './first-visit.mjs';
import { variantNames } from './reference.mjs';
import { sharedBrowser } from './shared-browser.mjs';
import { figureRows, ratiosToReference } from './target-rows.mjs';

// Fewer than page cost's 31: the long page's figures are larger, so one visit's noise weighs less.
const RUNS = 15;
const TARGET = 1.0;

export const name = `long page (the content page's text ${LONG_PAGE_REPEATS} times; median of ${RUNS} first visits)`;

export async function run() {
  const server = await serveVariants();
  const browser = await sharedBrowser();
  try {
    const results = await measuredVisitsInTurn(browser, `${server.origin}/long`, RUNS);
    const added = (key) => (variant) => results[variant][key] - results.none[key];
    return [
      ...figureRows(variantNames, 'main-thread script time added', added('scriptMs'), 'ms', 3),
      ...figureRows(variantNames, 'JS heap added, after GC', added('heapKiB'), 'KiB', 3),
      ...ratiosToReference(variantNames, 'script time added on the long page', added('scriptMs'), TARGET),
    ];
  } finally {
    await server.close();
  }
}
