// What the SDK costs a content page in headless Chromium: time until the banner is visible, main-thread
// script time and JS heap (after garbage collection) added over the same page without any consent tool, and
// layout shift; with the README quick start's config checked ahead of time and as the quick start has it
// (validated in the page). Medians of RUNS first visits each, the variants taking turns; next to the
// reference (vanilla-cookieconsent 3), with the ratio to it and its target.
import { sharedBrowser } from './shared-browser.mjs';
import { serveVariants } from './bench-server.mjs';
import { measuredVisitsInTurn } from './first-visit.mjs';
import { variantNames } from './reference.mjs';
import { ratioRow, round } from './target-rows.mjs';

// 31: script time is a few milliseconds over the page without a consent tool, and one visit varies by as
// much; fewer visits let the median of the difference swing by a third between runs.
const RUNS = 31;

export const name = `page cost (desktop Chromium, median of ${RUNS} first visits)`;

// Ratio to the reference that each config path has to meet, per metric.
export const TARGETS = {
  'consent-kit': { bannerMs: 1.0, scriptMs: 1.0, heapKiB: 1.0 },
  'consent-kit-quick-start': { bannerMs: 1.0, scriptMs: 1.0, heapKiB: 1.0 },
};

export async function run() {
  const server = await serveVariants();
  const browser = await sharedBrowser();
  try {
    const results = await measuredVisitsInTurn(browser, server.origin, RUNS);
    const rows = [];
    for (const [label, key, unit, isAdded] of [
      ['time to banner visible', 'bannerMs', 'ms', false],
      ['main-thread script time added', 'scriptMs', 'ms', true],
      ['JS heap added, after GC', 'heapKiB', 'KiB', true],
      ['cumulative layout shift', 'cls', '', false],
    ]) {
      const figure = (variant) => results[variant][key] - (isAdded ? results.none[key] : 0);
      for (const [variant, variantName] of Object.entries(variantNames)) {
        const row = { metric: `${variantName}: ${label}`, value: round(figure(variant), 3), unit };
        // Layout shift has an absolute target: none at all.
        if (key === 'cls' && variant in TARGETS) row.note = `${row.value === 0 ? '✓ met' : '✗ MISSED'} (target 0)`;
        rows.push(row);
      }
      if (key === 'cls') continue;
      for (const variant of Object.keys(TARGETS)) {
        rows.push(
          ratioRow(`${label}, ${variantNames[variant]}`, figure(variant), figure('reference'), TARGETS[variant][key]),
        );
      }
    }
    return rows;
  } finally {
    await server.close();
  }
}
