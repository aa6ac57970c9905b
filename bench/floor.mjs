// The floor: how far moving code alone could take the rows the bench still misses. `node bench/floor.mjs`
// after `npm run build:bundles`. It records which functions of each consent-kit file ran (V8's precise
// coverage) on a banner-only first visit and on a first visit that opens the preferences and saves, in both
// config paths; empties every other function (empty-uncalled.mjs), as if it had moved to a chunk fetched later
// at no cost; and measures the emptied files the way payload and page cost measure the shipped ones, beside the
// reference in the same run. A real split costs more than this (the code that fetches and joins the chunks),
// so a row the floor misses cannot be met by moving code. Not part of `npm run bench`: the floor is not
// something a visitor gets. Prints one table; see docs/benchmarks.md, "The floor".
import { existsSync, readFileSync } from 'node:fs';

if (!existsSync('dist/consent-kit.iife.js') || !existsSync('dist/server/index.js')) {
  console.error('The bundles are missing: run "npm run build:bundles" first.');
  process.exit(1);
}

// Loaded after the check: they read the built files.
const { serveVariants } = await import('./bench-server.mjs');
const { emptyUncalled } = await import('./empty-uncalled.mjs');
const { afterTwoFrames, firstVisit, measuredVisitsInTurn, openTab } = await import('./first-visit.mjs');
const { TARGETS: PAGE_COST_TARGETS } = await import('./page-cost.bench.mjs');
const { TARGETS: PAYLOAD_TARGETS, openPreferencesAndSave, payloads } = await import('./payload.bench.mjs');
const { variantNames, variants } = await import('./reference.mjs');
const { closeSharedBrowser, sharedBrowser } = await import('./shared-browser.mjs');
const { ratioRow, round } = await import('./target-rows.mjs');

const CONFIG_PATHS = ['consent-kit', 'consent-kit-quick-start'];
// Fewer visits than page cost's 31: the heap moves little between visits, and the question is how far from
// the target the floor is, not its last kilobyte.
const HEAP_RUNS = 11;

/**
 * Where the functions that ran end, per consent-kit file (path -> offsets), over one first visit of each
 * config path; with `panel`, the visit also opens the preferences and saves them.
 */
async function calledFunctions(browser, origin, panel) {
  const called = new Map();
  for (const variant of CONFIG_PATHS) {
    const tab = await openTab(browser, variant);
    try {
      await tab.cdp.send('Profiler.enable');
      await tab.cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
      await firstVisit(tab, origin);
      if (panel) await openPreferencesAndSave(tab);
      await afterTwoFrames(tab.page);
      const { result } = await tab.cdp.send('Profiler.takePreciseCoverage');
      for (const { url, functions } of result) {
        const path = url.startsWith(origin) ? new URL(url).pathname : '';
        if (!/^\/consent-kit[^/]*\.js$/.test(path)) continue;
        const ends = called.get(path) ?? new Set();
        for (const { ranges } of functions) if (ranges[0].count > 0) ends.add(ranges[0].endOffset);
        called.set(path, ends);
      }
    } finally {
      await tab.context.close();
    }
  }
  return called;
}

/** Each file that ran (path -> code) with what did not run emptied. */
function floorOf(called) {
  return Object.fromEntries(
    [...called].map(([path, ends]) => [path, emptyUncalled(readFileSync(`dist${path}`, 'utf8'), ends).code]),
  );
}

/** The JS heap a banner-only first visit of each config path and of the reference adds, in KiB (medians). */
async function heapOf(browser, origin) {
  const medians = await measuredVisitsInTurn(browser, origin, HEAP_RUNS);
  return Object.fromEntries(
    Object.keys(variantNames).map((variant) => [variant, medians[variant].heapKiB - medians.none.heapKiB]),
  );
}

/** What `measure(origin)` resolves with, from a bench server serving `scripts` (path -> code) for the built ones. */
async function serving(scripts, measure) {
  const server = await serveVariants(scripts);
  try {
    return await measure(server.origin);
  } finally {
    await server.close();
  }
}

const browser = await sharedBrowser();
const shipped = await serveVariants();
const rows = [];
/** A row of the table: the shipped figure, the floor's, the reference's and the floor's ratio to its target. */
const row = (label, variant, unit, shippedFigure, floorFigure, referenceFigure, target) => {
  const ratio = ratioRow(label, floorFigure, referenceFigure, target);
  rows.push({
    metric: `${label}, ${variantNames[variant]}`,
    shipped: round(shippedFigure),
    floor: round(floorFigure),
    reference: round(referenceFigure),
    unit,
    'floor / reference': ratio.value,
    note: ratio.note,
  });
};
try {
  const floors = {
    banner: floorOf(await calledFunctions(browser, shipped.origin, false)),
    panel: floorOf(await calledFunctions(browser, shipped.origin, true)),
  };
  const shippedPayloads = await payloads(browser, shipped.origin, Object.keys(variants));
  // A banner-only floor has no write path: its visits stop at the banner.
  const floorPayloads = {
    banner: await serving(floors.banner, (origin) =>
      payloads(browser, origin, ['none', ...CONFIG_PATHS], { panel: false }),
    ),
    panel: await serving(floors.panel, (origin) => payloads(browser, origin, ['none', ...CONFIG_PATHS])),
  };
  for (const [kind, label] of [
    ['banner', 'payload, banner-only visit'],
    ['panel', 'payload, panel visit'],
  ]) {
    for (const variant of CONFIG_PATHS) {
      row(
        label,
        variant,
        'B',
        shippedPayloads.added(variant, kind),
        floorPayloads[kind].added(variant, kind),
        shippedPayloads.added('reference', kind),
        PAYLOAD_TARGETS[variant][kind],
      );
    }
  }
  // The floor's heap is compared with the reference's from the same visits, taken in turn with it: the heap a
  // page adds moves with the moment's garbage collection.
  const shippedHeap = await heapOf(browser, shipped.origin);
  const floorHeap = await serving(floors.banner, (origin) => heapOf(browser, origin));
  for (const variant of CONFIG_PATHS) {
    const target = PAGE_COST_TARGETS[variant].heapKiB;
    row(
      'JS heap added, banner-only visit',
      variant,
      'KiB',
      shippedHeap[variant],
      floorHeap[variant],
      floorHeap.reference,
      target,
    );
  }
} finally {
  await shipped.close();
  await closeSharedBrowser();
}
console.table(rows);
