// What gating costs a page: a fetch through the installed gate against the same fetch on a page without
// consent-kit, and one has() call, in Chromium and in Node. Reported, never asserted.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { sharedBrowser } from './shared-browser.mjs';

export const name = 'gating';

// Sized so that the whole `npm run bench` stays within its 3 minutes on 2 cores.
const FETCHES = 100;
const ROUNDS = 3;
const HAS_CALLS = 1_000_000;
const STUB_FETCHES = 20_000;
const COOKIE_WRITES = 20_000;

// Built by `npm run bench` before this module is loaded.
const { checkedConfigTag } = await import('../dist/server/index.js');

const config = {
  policy: { version: '1', url: '/privacy' },
  // The bench server's own host is listed, so every measured fetch takes the full gated path: match, then pass.
  categories: [
    { id: 'necessary', required: true },
    { id: 'analytics', hosts: ['stats.example.com', '*.clarity.ms', '127.0.0.1'], cookies: ['/^_ga/', '_gid'] },
  ],
};
const pages = {
  '/plain.html': '<!doctype html><title>plain</title>',
  // Checked ahead of time, so the page starts at once and needs no chunk from the bench server.
  '/gated.html': `<!doctype html><title>gated</title>${checkedConfigTag(config)}<script src="/consent-kit.iife.js"></script>`,
};

function serve() {
  const bundle = readFileSync('dist/consent-kit.iife.js');
  const server = createServer((req, res) => {
    if (req.url === '/ping') return res.writeHead(204).end();
    if (req.url === '/consent-kit.iife.js')
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    const page = pages[req.url];
    if (page) return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Microseconds per sequential same-origin fetch, the median of several rounds. */
async function fetchMicros(page) {
  return page.evaluate(
    async ({ fetches, rounds }) => {
      const perCall = [];
      for (let round = 0; round <= rounds; round++) {
        const started = performance.now();
        for (let i = 0; i < fetches; i++) await fetch('/ping');
        if (round > 0) perCall.push(((performance.now() - started) * 1000) / fetches); // round 0 warms up
      }
      return perCall.sort((a, b) => a - b)[Math.floor(perCall.length / 2)];
    },
    { fetches: FETCHES, rounds: ROUNDS },
  );
}

/**
 * Nanoseconds the page's own JavaScript spends per `await fetch()` when the network is taken out: the page's
 * fetch is replaced by one that answers at once, before consent-kit wraps it. The difference between two
 * pages is then the gate's own cost, which a real round trip would hide in its noise.
 */
async function stubbedFetchNanos(browser, url) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.fetch = () => Promise.resolve(new Response(null, { status: 204 }));
  });
  await page.goto(url);
  // Granted, so the gate passes every call (held requests would never settle).
  await page.evaluate(() => window.ConsentKit?.get().acceptAll());
  const nanos = await page.evaluate(async (calls) => {
    for (let i = 0; i < 1000; i++) await fetch('/ping');
    const started = performance.now();
    for (let i = 0; i < calls; i++) await fetch('/ping');
    return ((performance.now() - started) * 1e6) / calls;
  }, STUB_FETCHES);
  await page.close();
  return nanos;
}

/** Nanoseconds per `document.cookie` assignment of `name`, a fresh value each time so the browser stores each. */
async function cookieWriteNanos(page, name) {
  return page.evaluate(
    ({ calls, cookie }) => {
      for (let i = 0; i < 1000; i++) document.cookie = `${cookie}=${i}`;
      const started = performance.now();
      for (let i = 0; i < calls; i++) document.cookie = `${cookie}=${i}`;
      return ((performance.now() - started) * 1e6) / calls;
    },
    { calls: COOKIE_WRITES, cookie: name },
  );
}

export async function run() {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await sharedBrowser();
  const page = await browser.newPage();
  try {
    // The pages only ever ask this server (no route interception: it would dominate the timings).
    await page.goto(`${origin}/plain.html`);
    const plain = await fetchMicros(page);
    await page.goto(`${origin}/gated.html`);
    await page.waitForFunction(() => window.ConsentKit?.get() !== undefined);
    await page.evaluate(() => window.ConsentKit.get().acceptAll());
    const gated = await fetchMicros(page);
    const stubPlain = await stubbedFetchNanos(browser, `${origin}/plain.html`);
    const stubGated = await stubbedFetchNanos(browser, `${origin}/gated.html`);
    const hasInBrowser = await page.evaluate((calls) => {
      const manager = window.ConsentKit.get();
      let granted = 0;
      const started = performance.now();
      for (let i = 0; i < calls; i++) if (manager.has(i % 2 ? 'analytics' : 'marketing')) granted++;
      return { ns: ((performance.now() - started) * 1e6) / calls, granted };
    }, HAS_CALLS);
    // Before a decision, so the listed cookie takes the refusing path; the page's own cookie is written.
    await page.goto(`${origin}/gated.html`);
    await page.waitForFunction(() => window.ConsentKit?.get() !== undefined);
    const cookieGatedOwn = await cookieWriteNanos(page, 'theme');
    const cookieRefused = await cookieWriteNanos(page, '_ga');
    await page.goto(`${origin}/plain.html`);
    const cookiePlain = await cookieWriteNanos(page, 'theme');
    return [
      {
        metric: 'fetch on a page without consent-kit',
        value: round(plain),
        unit: 'µs/call',
        note: `median of ${ROUNDS} rounds × ${FETCHES} sequential same-origin fetches`,
      },
      { metric: 'fetch through the gate (listed host, granted)', value: round(gated), unit: 'µs/call' },
      {
        metric: 'added cost of a gated fetch',
        value: round(gated - plain),
        unit: 'µs/call',
        note: 'within the run-to-run noise of a local round trip',
      },
      {
        metric: 'JavaScript cost of fetch(), network stubbed, no consent-kit',
        value: round(stubPlain),
        unit: 'ns/call',
        note: `${STUB_FETCHES} awaited calls`,
      },
      {
        metric: 'JavaScript cost of fetch(), network stubbed, gated',
        value: round(stubGated),
        unit: 'ns/call',
        note: 'listed host, granted',
      },
      {
        metric: 'added cost of the gate per fetch',
        value: round(stubGated - stubPlain),
        unit: 'ns/call',
        note: 'host match and verdict',
      },
      {
        metric: 'document.cookie write on a page without consent-kit',
        value: round(cookiePlain),
        unit: 'ns/call',
        note: `${COOKIE_WRITES} writes`,
      },
      {
        metric: 'document.cookie write through the gate (a name no category lists)',
        value: round(cookieGatedOwn),
        unit: 'ns/call',
      },
      {
        metric: 'document.cookie write the gate refuses (listed, no decision)',
        value: round(cookieRefused),
        unit: 'ns/call',
        note: 'counted and reported with consent:blocked',
      },
      { metric: 'has() in Chromium', value: round(hasInBrowser.ns), unit: 'ns/call', note: `${HAS_CALLS} calls` },
      { metric: 'has() in Node', value: round(await hasInNode()), unit: 'ns/call', note: `${HAS_CALLS} calls` },
    ];
  } finally {
    await page.close();
    server.close();
  }
}

async function hasInNode() {
  const { ConsentManager, parseConfig } = await import('../dist/index.js');
  const store = {
    value: undefined,
    read() {
      return this.value;
    },
    write(v) {
      this.value = v;
      return true;
    },
    remove() {},
  };
  const manager = new ConsentManager(parseConfig(config), { store });
  manager.update({ categories: { analytics: true } });
  let granted = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < HAS_CALLS; i++) if (manager.has(i % 2 ? 'analytics' : 'necessary')) granted++;
  const ns = Number(process.hrtime.bigint() - started) / HAS_CALLS;
  if (granted !== HAS_CALLS) throw new Error('has() answered wrongly during the benchmark');
  return ns;
}

const round = (n) => Math.round(n * 100) / 100;
