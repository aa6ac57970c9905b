// What the SDK costs a content page in headless Chromium: time until the banner is visible, main-thread
// script time and JS heap added over the same page without any consent tool, and layout shift; with a
// checked config (the figures the targets apply to) and with a config validated in the page. Medians of
// RUNS first visits each, next to the reference (vanilla-cookieconsent 3), with the ratio to it.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { sharedBrowser } from './shared-browser.mjs';
import { assets, bannerVisible, REFERENCE_NAME, variants } from './reference.mjs';

export const name = 'page cost (Chromium, median of 15 visits)';

const RUNS = 15;
const TARGETS = { script: 0.5, banner: 1.0, heap: 1.0 };

function serve() {
  const template = readFileSync('bench/pages/content.html', 'utf8');
  const files = assets();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const variant = path.slice(1).replace(/\.html$/, '');
    if (variant in variants) {
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(template.replace('<!--CONSENT-->', variants[variant]));
    }
    const file = files[path];
    if (file) return res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * A tab for one variant's visits. A new tab per visit would start a renderer process each time, which costs
 * more of the bench's time budget than the visit itself; so the tab stays and every visit starts as a first
 * one instead (see {@link visit}).
 */
async function openTab(browser, variant) {
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
  return { context, page, cdp };
}

/**
 * One first visit, measured until the banner is up: no cookie (so the banner shows), a new document, scripts
 * fetched again (the bench server sends nothing cacheable) and compiled again (the bench browser runs without
 * V8's compilation cache, see shared-browser.mjs). The metrics are switched on afresh, so they are this visit's.
 */
async function visit({ context, page, cdp }, url, variant) {
  await context.clearCookies();
  await cdp.send('Performance.disable');
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  if (bannerVisible[variant]) await page.waitForFunction(() => window.__bannerAt !== undefined);
  // Two frames more, so layout shifts and the last tasks of showing the banner are counted.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    bannerMs: await page.evaluate(() => window.__bannerAt ?? 0),
    scriptMs: metric('ScriptDuration') * 1000,
    heapKb: metric('JSHeapUsedSize') / 1024,
    cls: await page.evaluate(() => window.__cls),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value, digits = 1) => Number(value.toFixed(digits));

export async function run() {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await sharedBrowser();
  try {
    const results = {};
    for (const variant of Object.keys(variants)) {
      const tab = await openTab(browser, variant);
      await visit(tab, `${origin}/${variant}.html`, variant); // starts the tab's renderer, not counted
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await visit(tab, `${origin}/${variant}.html`, variant));
      await tab.context.close();
      results[variant] = Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((r) => r[key]))]));
    }
    const added = (variant, key) => results[variant][key] - results.none[key];
    const rows = [];
    for (const [label, key, unit, isAdded] of [
      ['time to banner visible', 'bannerMs', 'ms', false],
      ['main-thread script time added', 'scriptMs', 'ms', true],
      ['JS heap added', 'heapKb', 'kB', true],
      ['cumulative layout shift', 'cls', '', false],
    ]) {
      const figure = (variant) => (isAdded ? added(variant, key) : results[variant][key]);
      const ours = figure('consent-kit');
      const unchecked = figure('consent-kit-unchecked');
      const theirs = figure('reference');
      rows.push({ metric: `consent-kit: ${label}`, value: round(ours, 3), unit });
      rows.push({ metric: `consent-kit, config validated in the page: ${label}`, value: round(unchecked, 3), unit });
      rows.push({ metric: `${REFERENCE_NAME}: ${label}`, value: round(theirs, 3), unit });
      const target = { bannerMs: TARGETS.banner, scriptMs: TARGETS.script, heapKb: TARGETS.heap }[key];
      if (theirs > 0) {
        rows.push({ metric: `ratio: ${label}`, value: round(ours / theirs, 2), unit: '×', note: target ? `target ≤ ${target}` : '' });
        rows.push({ metric: `ratio: ${label}, config validated in the page`, value: round(unchecked / theirs, 2), unit: '×' });
      }
    }
    rows.push({ metric: 'consent-kit: layout shift target', value: results['consent-kit'].cls, unit: '', note: 'target 0' });
    return rows;
  } finally {
    server.close();
  }
}
