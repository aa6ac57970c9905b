// How a keyboard visitor reaches the banner on a first visit: whether the first Tab from the top of the page
// lands in it, and how many Tabs "Accept all" and "Reject all" are away. The content page has a link above
// the banner in the document, as most pages do.
import { sharedBrowser } from './shared-browser.mjs';
import { serveVariants } from './bench-server.mjs';
import { firstVisit, openTab } from './first-visit.mjs';
import { controls, variantNames } from './reference.mjs';

export const name = 'keyboard (first visit, Tab from the top of the page)';

const MOST_TABS = 3;
// Presses of Tab after which a button counts as not reached.
const GIVE_UP_AFTER = 40;
// A visitor takes a moment to see the banner before pressing Tab; the reference moves focus into its banner
// 100 ms after showing it, and is given that time.
const LOOK_MS = 500;

/** Where focus is after each Tab, as [in the banner, is "Accept all", is "Reject all"], for up to GIVE_UP_AFTER presses. */
async function tabStops(page, { banner, accept, reject }) {
  const stops = [];
  for (let i = 0; i < GIVE_UP_AFTER; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(
      ({ banner, accept, reject }) => {
        let focused = document.activeElement;
        while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
        let container = null;
        for (let node = focused; node && !container; node = node.parentElement ?? node.getRootNode().host) {
          if (node.matches?.(banner)) container = node;
        }
        return [!!container, !!container && focused.matches(accept), !!container && focused.matches(reject)];
      },
      { banner, accept, reject },
    );
    stops.push(stop);
    if (stops.some(([, isAccept]) => isAccept) && stops.some(([, , isReject]) => isReject)) break;
  }
  return stops;
}

export async function run() {
  const server = await serveVariants();
  const browser = await sharedBrowser();
  try {
    const rows = [];
    for (const [variant, variantName] of Object.entries(variantNames)) {
      const tab = await openTab(browser, variant);
      try {
        await firstVisit(tab, server.origin);
        await tab.page.waitForTimeout(LOOK_MS);
        const stops = await tabStops(tab.page, controls[variant]);
        const tabsTo = (which) => stops.findIndex((stop) => stop[which]) + 1 || null;
        const reached = (tabs) =>
          `${tabs !== null && tabs <= MOST_TABS ? '✓ met' : '✗ MISSED'} (target ≤ ${MOST_TABS})`;
        const isOurs = variant !== 'reference';
        rows.push({
          metric: `${variantName}: first Tab lands in the banner`,
          value: stops[0]?.[0] ? 'yes' : 'no',
          unit: '',
          note: isOurs ? `${stops[0]?.[0] ? '✓ met' : '✗ MISSED'} (target yes)` : '',
        });
        for (const [label, which] of [
          ['Tabs to "Accept all"', 1],
          ['Tabs to "Reject all"', 2],
        ]) {
          const tabs = tabsTo(which);
          rows.push({
            metric: `${variantName}: ${label}`,
            value: tabs ?? `over ${GIVE_UP_AFTER}`,
            unit: '',
            note: isOurs ? reached(tabs) : '',
          });
        }
      } finally {
        await tab.context.close();
      }
    }
    return rows;
  } finally {
    await server.close();
  }
}
