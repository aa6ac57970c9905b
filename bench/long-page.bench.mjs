// Script time and heap on a long page: the content page with its main text repeated (bench-server.mjs), so 900
// more elements are parsed after the SDK's script. A cost that grows with the page, such as looking at every
// element the parser adds, hardly shows on the short content page; here it would. Medians of RUNS first visits
// each, the variants taking turns, next to the reference on the same long page, with the script-time target of
// the content page.
import { LONG_PAGE_REPEATS, serveVariants } from './bench-server.mjs';
import { measuredVisit, medians, openTab, visitsInTurn } from './first-visit.mjs';
import { variantNames, variants } from './reference.mjs';
import { sharedBrowser } from './shared-browser.mjs';
import { ratioRow, round } from './target-rows.mjs';

// Fewer than page cost's 31: the long page's figures are larger, so one visit's noise weighs less.
const RUNS = 15;
const TARGET = 1.0;

export const name = `long page (the content page's text ${LONG_PAGE_REPEATS} times; median of ${RUNS} first visits)`;

export async function run() {
  const server = await serveVariants();
  const browser = await sharedBrowser();
  const origin = `${server.origin}/long`;
  try {
    const results = medians(
      await visitsInTurn(Object.keys(variants), RUNS, {
        async open(variant) {
          const tab = await openTab(browser, variant);
          await measuredVisit(tab, origin); // starts the tab's renderer, not counted
          return tab;
        },
        visit: (tab) => measuredVisit(tab, origin),
      }),
    );
    const added = (variant, key) => results[variant][key] - results.none[key];
    const rows = [];
    for (const [label, key, unit] of [
      ['main-thread script time added', 'scriptMs', 'ms'],
      ['JS heap added, after GC', 'heapKiB', 'KiB'],
    ]) {
      for (const [variant, variantName] of Object.entries(variantNames)) {
        rows.push({ metric: `${variantName}: ${label}`, value: round(added(variant, key), 3), unit });
      }
    }
    for (const variant of Object.keys(variantNames).filter((v) => v !== 'reference')) {
      rows.push(
        ratioRow(
          `script time added on the long page, ${variantNames[variant]}`,
          added(variant, 'scriptMs'),
          added('reference', 'scriptMs'),
          TARGET,
        ),
      );
    }
    return rows;
  } finally {
    await server.close();
  }
}
