// What a visitor meets besides the first banner, each in a new renderer (a new browser context), as a visitor's
// first page of a site runs: there the costs of a first use show (the browser's ICU, fonts for other scripts,
// code V8 has not compiled yet), which page cost's reused tab hides. Two figures, reported beside the reference
// with no target: the time from a click on the banner's "Manage preferences" until the panel's save button is
// visible, and the main-thread script time and JS heap a decided visit adds, the visitor having rejected
// optional cookies on an earlier visit. Medians of RUNS, the variants taking turns.
import { serveVariants } from './bench-server.mjs';
import { afterTwoFrames, median, scriptAndHeap } from './first-visit.mjs';
import { controls, variantNames } from './reference.mjs';
import { sharedBrowser } from './shared-browser.mjs';
import { figureRows, ratiosToReference } from './target-rows.mjs';

const RUNS = 9;

export const name = `in a new renderer: opening the preferences, and a decided visit (median of ${RUNS}; reported)`;

/** Milliseconds from the click on "Manage preferences" (heard first, at the window) to the save button visible. */
async function panelOpenMs(browser, origin, variant) {
  const { banner, manage, panel, save } = controls[variant];
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/${variant}.html`, { waitUntil: 'load' });
    await page.locator(`${banner} ${manage}`).waitFor();
    await page.evaluate(
      ([panel, save]) => {
        window.addEventListener(
          'click',
          () => {
            window.__clickAt = performance.now();
            const poll = () => {
              const host = document.querySelector(panel);
              const button = (host?.shadowRoot ?? host)?.querySelector(save);
              if (button && button.getBoundingClientRect().height > 0) window.__panelAt = performance.now();
              else requestAnimationFrame(poll);
            };
            requestAnimationFrame(poll);
          },
          { capture: true, once: true },
        );
      },
      [panel, save],
    );
    await page.locator(`${banner} ${manage}`).click();
    await page.waitForFunction(() => window.__panelAt !== undefined);
    return await page.evaluate(() => window.__panelAt - window.__clickAt);
  } finally {
    await context.close();
  }
}

/**
 * A context whose visitor has rejected optional cookies. consent-kit's decision is set as the cookie it would
 * have written: the quick start's `cookie.domain` (`.example.com`) does not match the bench's 127.0.0.1.
 */
async function decidedContext(browser, origin, variant) {
  const context = await browser.newContext();
  const steps = controls[variant];
  if (!steps) return context;
  const page = await context.newPage();
  await page.goto(`${origin}/${variant}.html`, { waitUntil: 'load' });
  await page.locator(`${steps.banner} ${steps.reject}`).click();
  if (variant !== 'reference') {
    const value = await page.evaluate(() => window.ConsentKit.encodeRecord(window.ConsentKit.get().state));
    await context.addCookies([{ name: 'consent', value, url: origin }]);
  }
  await page.close();
  return context;
}

/** One decided visit in a new page of `context`: its main-thread script time and JS heap after GC. */
async function decidedVisit(context, origin, variant) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${origin}/${variant}.html`, { waitUntil: 'load' });
    await afterTwoFrames(page);
    return await scriptAndHeap(cdp);
  } finally {
    await page.close();
  }
}

export async function run() {
  const server = await serveVariants();
  const browser = await sharedBrowser();
  const contexts = {};
  try {
    const variants = ['none', ...Object.keys(variantNames)];
    for (const variant of variants) contexts[variant] = await decidedContext(browser, server.origin, variant);
    const panelMs = Object.fromEntries(Object.keys(variantNames).map((variant) => [variant, []]));
    const decided = Object.fromEntries(variants.map((variant) => [variant, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const variant of Object.keys(variantNames))
        panelMs[variant].push(await panelOpenMs(browser, server.origin, variant));
      for (const variant of variants)
        decided[variant].push(await decidedVisit(contexts[variant], server.origin, variant));
    }
    const panelOf = (variant) => median(panelMs[variant]);
    const added = (key) => (variant) =>
      median(decided[variant].map((v) => v[key])) - median(decided.none.map((v) => v[key]));
    return [
      ...figureRows(variantNames, 'preferences visible after the click', panelOf, 'ms'),
      ...ratiosToReference(variantNames, 'preferences visible after the click', panelOf),
      ...figureRows(variantNames, 'decided visit, main-thread script time added', added('scriptMs'), 'ms', 2),
      ...ratiosToReference(variantNames, 'decided visit, main-thread script time added', added('scriptMs')),
      ...figureRows(variantNames, 'decided visit, JS heap added after GC', added('heapKiB'), 'KiB'),
      ...ratiosToReference(variantNames, 'decided visit, JS heap added after GC', added('heapKiB')),
    ];
  } finally {
    for (const context of Object.values(contexts)) await context.close();
    await server.close();
  }
}
