// The bytes a visit transfers, as the network delivered them (brotli, see bench-server.mjs), added over the
// same page without any consent tool: on a visit that only sees the banner, and on one that opens the
// preferences from the banner and saves them. The markup the SDK adds to the page (its config tag) counts
// too, as does the reference's config script. One visit each: the same files give the same bytes.
import { sharedBrowser } from './shared-browser.mjs';
import { serveVariants } from './bench-server.mjs';
import { firstVisit, openTab } from './first-visit.mjs';
import { controls, variantNames, variants } from './reference.mjs';
import { ratioRow } from './target-rows.mjs';

export const name = 'payload per visit (brotli as transferred, added over the page without a consent tool)';

// Ratio to the reference that each config path has to meet, per kind of visit.
export const TARGETS = {
  'consent-kit': { banner: 0.8, panel: 1.3 },
  'consent-kit-quick-start': { banner: 1.0, panel: 1.3 },
};

/**
 * Follows a page's requests. `quiet()` resolves once none is in flight and none starts while the page is
 * idle, so a file the SDK fetches after showing the banner (or after a save) is counted too.
 */
function trackRequests(page) {
  const pending = new Set();
  let onSettled = () => {};
  page.on('request', (request) => pending.add(request));
  for (const done of ['requestfinished', 'requestfailed']) {
    page.on(done, (request) => {
      pending.delete(request);
      if (pending.size === 0) onSettled();
    });
  }
  const settled = () =>
    pending.size === 0
      ? Promise.resolve()
      : new Promise((resolve) => {
          onSettled = resolve;
        });
  return {
    async quiet() {
      do {
        await settled();
        await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 })));
      } while (pending.size > 0);
    },
  };
}

/** The body bytes of every response of the document so far, as transferred. Throws for one that was not compressed. */
async function transferred(page) {
  const entries = (
    await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
        path: new URL(e.name).pathname,
        encoded: e.encodedBodySize,
        decoded: e.decodedBodySize,
      })),
    )
  )
    // Empty answers (the browser's own favicon request, a 404 here) transfer no body.
    .filter((e) => e.decoded > 0);
  const plain = entries.find((e) => e.encoded >= e.decoded);
  if (plain)
    throw new Error(`${plain.path} arrived uncompressed (${plain.encoded} B): the payload figures assume brotli`);
  return { bytes: entries.reduce((sum, e) => sum + e.encoded, 0), page: entries[0].encoded, files: entries.length - 1 };
}

/** Opens the preferences from the banner the page in `tab` shows and saves them; resolves once the variant said so. */
export async function openPreferencesAndSave({ page, variant }) {
  const steps = controls[variant];
  const saved = page.evaluate(
    ({ target, event }) =>
      new Promise((resolve) => {
        (target === 'window' ? window : document).addEventListener(event, () => resolve(), { once: true });
      }),
    steps.saved,
  );
  await page.locator(`${steps.banner} ${steps.manage}`).click();
  await page.locator(`${steps.panel} ${steps.save}`).click();
  await saved;
}

/**
 * A banner-only visit and, unless `panel` is false, a visit that opens the preferences and saves them, each a
 * first visit; what each transferred.
 */
export async function visits(browser, origin, variant, { panel = true } = {}) {
  const tab = await openTab(browser, variant);
  const requests = trackRequests(tab.page);
  try {
    await firstVisit(tab, origin);
    await requests.quiet();
    const banner = await transferred(tab.page);
    if (!controls[variant] || !panel) return { banner };
    await firstVisit(tab, origin);
    await openPreferencesAndSave(tab);
    await requests.quiet();
    return { banner, panel: await transferred(tab.page) };
  } finally {
    await tab.context.close();
  }
}

/**
 * {@link visits} of each of `names` at `origin` in turn, by variant, with `options`; and `added(variant, kind)`,
 * the bytes that variant's visit of `kind` transferred over the page without a consent tool (`none`, which
 * `names` includes).
 */
export async function payloads(browser, origin, names, options) {
  const results = {};
  for (const variant of names) results[variant] = await visits(browser, origin, variant, options);
  return { results, added: (variant, kind) => results[variant][kind].bytes - results.none.banner.bytes };
}

export async function run() {
  const server = await serveVariants();
  const browser = await sharedBrowser();
  try {
    const { results, added } = await payloads(browser, server.origin, Object.keys(variants));
    const rows = [];
    for (const [kind, label] of [
      ['banner', 'banner-only visit'],
      ['panel', 'panel visit (opens the preferences, saves)'],
    ]) {
      for (const [variant, variantName] of Object.entries(variantNames)) {
        const { files, page } = results[variant][kind];
        const note = `${files} file${files === 1 ? '' : 's'} and ${page - results.none.banner.page} B more page`;
        rows.push({ metric: `${variantName}, ${label}`, value: added(variant, kind), unit: 'B', note });
      }
      for (const variant of Object.keys(TARGETS)) {
        rows.push(
          ratioRow(
            `${label}, ${variantNames[variant]}`,
            added(variant, kind),
            added('reference', kind),
            TARGETS[variant][kind],
          ),
        );
      }
    }
    return rows;
  } finally {
    await server.close();
  }
}
