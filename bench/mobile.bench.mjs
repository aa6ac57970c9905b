// Time to banner visible on a slow phone: the page cost visits again with the CPU slowed down 4 times and
// Lighthouse's "slow 4G" connection (150 ms round trips, 1.6 Mbps down, 750 kbps up), applied the way
// Lighthouse applies it through DevTools: each request's latency 3.75 times the round trip (562.5 ms) and
// throughput at 90 % (1,474.56 kbps down, 675 kbps up), as Lighthouse adjusts for request-level emulation.
import { sharedBrowser } from './shared-browser.mjs';
import { serveVariants } from './bench-server.mjs';
import { firstVisit, median, openTab, visitsInTurn } from './first-visit.mjs';
import { variantNames } from './reference.mjs';
import { figureRows, ratiosToReference } from './target-rows.mjs';

const RUNS = 5;

export const name = `mobile profile (CPU ×4, slow 4G; median of ${RUNS} first visits)`;

const TARGET = 1.0;
const CPU_SLOWDOWN = 4;
// DevTools takes bytes per second; Lighthouse's kbps are 1,024 bits per second.
const bytesPerSecond = (kbps) => (kbps * 1024) / 8;
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: bytesPerSecond(1.6 * 1024 * 0.9),
  uploadThroughput: bytesPerSecond(750 * 0.9),
};

/** A tab of the variant, its renderer started by a visit at full speed, then given the phone's CPU and connection. */
async function phoneTab(browser, origin, variant) {
  const tab = await openTab(browser, variant);
  await firstVisit(tab, origin);
  await tab.cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await tab.cdp.send('Network.enable');
  await tab.cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  return tab;
}

export async function run() {
  const server = await serveVariants();
  const browser = await sharedBrowser();
  try {
    const runs = await visitsInTurn(Object.keys(variantNames), RUNS, {
      open: (variant) => phoneTab(browser, server.origin, variant),
      visit: (tab) => firstVisit(tab, server.origin),
    });
    const bannerMs = Object.fromEntries(Object.entries(runs).map(([variant, times]) => [variant, median(times)]));
    const timeOf = (variant) => bannerMs[variant];
    return [
      ...figureRows(variantNames, 'time to banner visible', timeOf, 'ms'),
      ...ratiosToReference(variantNames, 'time to banner visible', timeOf, TARGET),
    ];
  } finally {
    await server.close();
  }
}
