// First visits of the content page, the way every page benchmark makes them: in a tab kept for one variant,
// each visit starting as a first one, timed from navigation start until the banner is visible.
import { bannerVisible, variants } from './reference.mjs';

/**
 * A tab for one variant's visits. A new tab per visit would start a renderer process each time, which costs
 * more of the bench's time budget than the visit itself; so the tab stays and every visit starts as a first
 * one instead (see {@link firstVisit}). The page records its layout shifts in `window.__cls` and the moment its
 * banner is first visible in `window.__bannerAt` (ms after navigation start).
 */
export async function openTab(browser, variant) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.addInitScript((check) => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    if (!check) return;
    const isVisible = new Function(`return (${check})()`);
    const poll = () => (isVisible() ? (window.__bannerAt = performance.now()) : requestAnimationFrame(poll));
    requestAnimationFrame(poll);
  }, bannerVisible[variant]?.toString() ?? null);
  return { context, page, cdp, variant };
}

/**
 * One first visit, until the banner is up: no cookie (so the banner shows), a new document, scripts fetched
 * again (the bench server sends nothing cacheable) and compiled again (the bench browser runs without V8's
 * compilation cache, see shared-browser.mjs). Resolves with the ms from navigation start to the banner
 * visible (0 for a variant without one), two frames later, so the last tasks of showing it have run.
 */
export async function firstVisit({ context, page, variant }, origin) {
  await context.clearCookies();
  await page.goto(`${origin}/${variant}.html`, { waitUntil: 'load' });
  // Waited for with a plain evaluate: waitForFunction would put Playwright's injected script (over 300 KiB of
  // strings) into the page's heap, counted as the variant's own, and only for variants with a banner.
  if (bannerVisible[variant]) {
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const wait = () => (window.__bannerAt !== undefined ? resolve() : requestAnimationFrame(wait));
          wait();
        }),
    );
  }
  await afterTwoFrames(page);
  return page.evaluate(() => window.__bannerAt ?? 0);
}

/** Resolves two frames from now, once the last tasks of what the page showed have run. */
export async function afterTwoFrames(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The median of a list of numbers (the upper one of the two middle values for an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `runs` visits of each variant, the variants taking turns, so a busy moment of the machine falls on all of
 * them alike. Each variant gets one tab from `open(variant)` (which starts its renderer); `visit(tab)` makes
 * one visit and returns its figures. Resolves with each variant's figures in visit order; closes the tabs.
 */
export async function visitsInTurn(variants, runs, { open, visit }) {
  const tabs = [];
  try {
    for (const variant of variants) tabs.push(await open(variant));
    const figures = Object.fromEntries(variants.map((variant) => [variant, []]));
    for (let i = 0; i < runs; i++) {
      for (const tab of tabs) figures[tab.variant].push(await visit(tab));
    }
    return figures;
  } finally {
    for (const tab of tabs) await tab.context.close();
  }
}

/** One first visit with its costs: the page's performance metrics are switched on afresh, so they are this visit's. */
export async function measuredVisit(tab, origin) {
  await tab.cdp.send('Performance.disable');
  await tab.cdp.send('Performance.enable');
  const bannerMs = await firstVisit(tab, origin);
  return { bannerMs, ...(await scriptAndHeap(tab.cdp)), cls: await tab.page.evaluate(() => window.__cls) };
}

/**
 * The main-thread script time and the JS heap after garbage collection of the page behind `cdp`, since its
 * performance metrics were last enabled.
 */
export async function scriptAndHeap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (key) => metrics.find((m) => m.name === key)?.value ?? 0;
  return { scriptMs: metric('ScriptDuration') * 1000, heapKiB: metric('JSHeapUsedSize') / 1024 };
}

/** Each variant's median of each figure, from what {@link visitsInTurn} resolved with. */
export function medians(runs) {
  return Object.fromEntries(
    Object.entries(runs).map(([variant, visits]) => [
      variant,
      Object.fromEntries(Object.keys(visits[0]).map((key) => [key, median(visits.map((v) => v[key]))])),
    ]),
  );
}

/**
 * `runs` measured first visits ({@link measuredVisit}) of every variant's page at `origin`, the variants taking
 * turns, each in a tab of its own whose renderer a first, uncounted visit starts; each variant's medians.
 */
export async function measuredVisitsInTurn(browser, origin, runs) {
  return medians(
    await visitsInTurn(Object.keys(variants), runs, {
      async open(variant) {
        const tab = await openTab(browser, variant);
        await measuredVisit(tab, origin); // starts the tab's renderer, not counted
        return tab;
      },
      visit: (tab) => measuredVisit(tab, origin),
    }),
  );
}
