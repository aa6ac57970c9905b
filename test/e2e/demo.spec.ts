import { expect, test, type Page } from '@playwright/test';
import { DEMO, startDemo, type CollectorHit, type RunningDemo } from './demo-process.js';

/*
 * `npm run demo`, started as a visitor's developer would. The site runs under a strict Content-Security-Policy
 * and its analytics go to the demo's fake collector; what reached the collector is counted at the collector,
 * not in the page. One demo at a time owns its ports, so this file's tests run in order in one worker.
 */
test.describe.configure({ mode: 'default' });

type Gate = {
  ConsentKit: {
    get(): { blocked(): Record<string, Record<string, { held: number; released: number; dropped: number }>> };
  };
};

/** The demo's page-view hits (beacon, fetch, pixel) as the gate counts them on the page. */
const pageViewHits = (page: Page) =>
  page.evaluate(() => (window as unknown as Gate).ConsentKit.get()?.blocked().analytics?.['localhost:8790'] ?? null);

/** Only the demo's own servers are reached; anything else would be a request to the outside world. */
async function keepToTheDemo(page: Page) {
  await page.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' || hostname === 'localhost' ? route.continue() : route.abort();
  });
}

const kinds = (hits: CollectorHit[]) => hits.map((hit) => hit.kind).sort();

test.describe('the demo, from source (npm run demo)', () => {
  let demo: RunningDemo;
  test.beforeAll(async () => {
    demo = await startDemo();
  });
  test.afterAll(async () => {
    await demo?.stop();
  });

  /** The collector's hits after the first `since`. */
  const hitsSince = async (since: number) => (await demo.hits()).slice(since);

  test('the demo serves the SDK under a strict CSP, and the banner, gating and sync work with no violation', async ({
    page,
  }) => {
    await keepToTheDemo(page);
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });

    const response = await page.goto(`${DEMO.site}/`);
    const csp = response!.headers()['content-security-policy'];
    expect(csp?.split(';').map((d) => d.trim())).toEqual([
      "default-src 'self'",
      `script-src 'self' ${DEMO.collectorHits}`,
      "style-src 'self'",
      `img-src 'self' ${DEMO.collectorHits}`,
      `connect-src 'self' ${DEMO.endpoint} ${DEMO.collectorHits} ${DEMO.collectorLog}`,
    ]);

    await expect(page.getByRole('button', { name: 'Accept all' })).toBeVisible();
    const synced = page.waitForResponse(
      (r) => r.url().startsWith(`${DEMO.endpoint}/v1/consents/`) && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Accept all' }).click();
    expect((await synced).status()).toBe(201);
    await expect(page.locator('#analytics')).toHaveText('true');
    await expect(page.locator('#tagged')).toHaveText('ran once, after analytics was granted');
    await expect(page.getByRole('button', { name: 'Accept all' })).toBeHidden();
    // The live log reads the collector's stream through its own address, allowed by connect-src.
    await expect(page.locator('#collector-log li[data-kind="script"]')).not.toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test("the npm page runs lit's production build, as a site's bundle would: no development-mode warning", async ({
    page,
  }) => {
    await keepToTheDemo(page);
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${DEMO.site}/plans.html`);
    await expect(page.getByRole('button', { name: 'Accept all' })).toBeVisible();
    expect(warnings.filter((w) => /dev mode/i.test(w))).toEqual([]);
  });

  /** Opens the home page with no decision and lets it settle: nothing reached the collector, the page view is held. */
  async function openUndecided(page: Page, since: number) {
    await page.goto(`${DEMO.site}/`);
    await page.waitForLoadState('networkidle');
    expect(await hitsSince(since)).toEqual([]);
    await expect.poll(() => pageViewHits(page)).toEqual({ held: 3, released: 0, dropped: 0 });
    // The analytics code's id cookie and unsent-hits key were refused, and the page lists them.
    await expect(page.locator('#refused-writes li')).toHaveText([
      'cookie Hm_lvt_demo (analytics, refused 1×)',
      'localStorage Hm_unsent_demo (analytics, refused 1×)',
    ]);
  }

  test('no analytics hit reaches the collector before a decision, also once the page settled and after a reload', async ({
    page,
  }) => {
    await keepToTheDemo(page);
    const since = (await demo.hits()).length;
    for (const visit of ['first visit', 'reload']) {
      if (visit === 'first visit') await page.goto(`${DEMO.site}/`);
      else await page.reload();
      await expect(page.getByRole('button', { name: 'Accept all' })).toBeVisible();
      // The page's analytics code runs before `load`; half a second without traffic after it, anything it got
      // past the gate would have reached the collector.
      await page.waitForLoadState('networkidle');
      expect(await hitsSince(since), visit).toEqual([]);
      // Held, not lost: the gate keeps the page view's beacon, fetch and pixel for a decision.
      await expect.poll(() => pageViewHits(page)).toEqual({ held: 3, released: 0, dropped: 0 });
      await expect(page.locator('#tagged')).toHaveText('not run');
    }
  });

  test('after "Reject all" no analytics hit reaches the collector, also after a reload', async ({ page }) => {
    await keepToTheDemo(page);
    const since = (await demo.hits()).length;
    await openUndecided(page, since);
    await page.getByRole('button', { name: 'Reject all' }).click();
    await expect(page.locator('#analytics')).toHaveText('false');
    await expect.poll(() => pageViewHits(page)).toEqual({ held: 3, released: 0, dropped: 3 });
    await page.getByRole('button', { name: 'Send a beacon to the collector' }).click();
    await page.waitForLoadState('networkidle');
    expect(await hitsSince(since)).toEqual([]);

    await page.reload();
    await expect(page.locator('#analytics')).toHaveText('false');
    await page.waitForLoadState('networkidle');
    expect(await hitsSince(since)).toEqual([]);
    await expect.poll(() => pageViewHits(page)).toEqual({ held: 0, released: 0, dropped: 3 });
    await expect(page.locator('#tagged')).toHaveText('not run');
  });

  test('after "Accept all" the held beacon, fetch and pixel and the tagged script reach the collector, each once', async ({
    page,
  }) => {
    await keepToTheDemo(page);
    const since = (await demo.hits()).length;
    await openUndecided(page, since);

    await page.getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(async () => kinds(await hitsSince(since))).toEqual(['beacon', 'fetch', 'pixel', 'script']);
    const hits = await hitsSince(since);
    expect(hits.every((hit) => hit.host === 'localhost:8790')).toBe(true);
    // The beacon and the fetch carry the page view the page made before the decision.
    for (const hit of hits.filter((h) => h.kind === 'beacon' || h.kind === 'fetch')) {
      expect(JSON.parse(hit.body)).toMatchObject({ event: 'pageview', page: '/' });
    }
    await page.waitForLoadState('networkidle');
    expect(kinds(await hitsSince(since)), 'nothing is sent twice').toEqual(['beacon', 'fetch', 'pixel', 'script']);
    // The page shows the collector's log live, up to these hits.
    await expect(page.locator('#collector-count')).toHaveText(String(since + hits.length));
    await expect(page.locator('#collector-log li')).toHaveCount(since + hits.length);
  });
});

test.describe('the demo, from the built files (npm run demo:preview)', () => {
  let demo: RunningDemo;
  test.beforeAll(async () => {
    demo = await startDemo(['--preview']); // `npm test` builds before the end-to-end tests
  });
  test.afterAll(async () => {
    await demo?.stop();
  });

  test('the script-tag page runs the built bundle, and the npm page the built entries: both hold their hits until "Accept all"', async ({
    page,
  }) => {
    await keepToTheDemo(page);
    const bundle = page.waitForResponse(`${DEMO.site}/consent-kit.iife.js`);
    const chunks: string[] = [];
    page.on('request', (r) => /\/consent-kit-[\w-]+\.js$/.test(r.url()) && chunks.push(new URL(r.url()).pathname));
    await page.goto(`${DEMO.site}/`);
    expect((await bundle).status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(await demo.hits()).toEqual([]);
    // The preview's pages carry checked configs, as a deploy step writes them: the validator is not fetched.
    expect(chunks.filter((path) => path.includes('validator'))).toEqual([]);
    // The endpoint client is, for the config's endpoint, from next to the script.
    expect(chunks.some((path) => path.includes('browser-sync'))).toBe(true);
    await page.getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(async () => kinds(await demo.hits())).toEqual(['beacon', 'fetch', 'pixel', 'script']);

    // The decision is the visitor's on every page of the site: a new visitor for the npm page.
    await page.context().clearCookies();
    await page.goto(`${DEMO.site}/plans.html`);
    await page.waitForLoadState('networkidle');
    expect(await demo.hits()).toHaveLength(4);
    await page.getByRole('button', { name: 'Accept all' }).click();
    await expect
      .poll(async () => (await demo.hits()).slice(4))
      .toMatchObject([{ kind: 'beacon', body: '{"event":"pageview","page":"/plans.html"}' }]);
  });
});
