import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { managerReady } from './manager-ready.js';
import { PAGE_ORIGIN } from './origin.js';

type Report = Record<string, Record<string, { held: number; released: number; dropped: number }>>;
type Manager = {
  blocked(): Report;
  acceptAll(): unknown;
  rejectAll(): unknown;
  update(choices: unknown): unknown;
  beacon(category: string, url: string, data?: string): boolean;
};
type GatingWindow = {
  ConsentKit: { get(): Manager };
  attempts: string[];
  ran?: string[];
  inlineRuns?: number;
  tagRuns?: number;
  injectedRuns?: number;
  dataLayer: ArrayLike<unknown>[];
};

const STATS = 'stats.example.com';
/** Requests a page makes on load to the analytics host: 3 beacons, fetch, XHR, image, script, iframe, markup, a frame's fetch. */
const ATTEMPTS_ON_LOAD = 10;

/**
 * Fakes the outside world for a context: the analytics host and one unlisted host are answered here and
 * every request to them is recorded; 127.0.0.1 goes to the test server; anything else is aborted.
 */
async function fakeNetwork(context: BrowserContext) {
  const stats: string[] = [];
  const unlisted: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    const cors = { 'access-control-allow-origin': '*' };
    if (url.hostname === STATS) {
      stats.push(url.pathname + url.search);
      if (url.pathname === '/tag.js') {
        return route.fulfill({
          contentType: 'text/javascript',
          headers: cors,
          body: "window.tagRuns = (window.tagRuns || 0) + 1; (window.ran = window.ran || []).push('tag');",
        });
      }
      if (url.pathname === '/injected.js') {
        return route.fulfill({
          contentType: 'text/javascript',
          headers: cors,
          body: 'window.injectedRuns = (window.injectedRuns || 0) + 1;',
        });
      }
      return route.fulfill({ contentType: 'text/html', headers: cors, body: '' });
    }
    if (url.hostname === 'cdn.unlisted.test') {
      unlisted.push(url.pathname);
      return route.fulfill({ contentType: 'text/javascript', headers: cors, body: '' });
    }
    return route.abort();
  });
  return { stats, unlisted };
}

const report = async (page: Page) => {
  await managerReady(page);
  return page.evaluate(() => (window as unknown as GatingWindow).ConsentKit.get().blocked());
};
const statsCounts = async (page: Page) =>
  (await report(page)).analytics?.[STATS] ?? { held: 0, released: 0, dropped: 0 };
const pageValue = <K extends keyof GatingWindow>(page: Page, key: K) =>
  page.evaluate((k) => (window as unknown as GatingWindow)[k], key) as Promise<GatingWindow[K]>;
const banner = (page: Page) => page.getByRole('region', { name: 'Your privacy choices' });

test('before a decision nothing reaches the analytics host, whatever way it is requested', async ({
  page,
  context,
}) => {
  const network = await fakeNetwork(context);
  await page.goto('/gating.html');
  await expect.poll(() => statsCounts(page)).toEqual({ held: ATTEMPTS_ON_LOAD, released: 0, dropped: 0 });
  await expect.poll(() => network.unlisted).toEqual(['/lib.js']);
  expect(network.stats).toEqual([]);
  expect(await pageValue(page, 'inlineRuns')).toBeUndefined();
  expect(await pageValue(page, 'tagRuns')).toBeUndefined();
  expect(await pageValue(page, 'injectedRuns')).toBeUndefined();
  // The tagged elements are still inert: the images wait in place, the iframe behind its embed placeholder.
  await expect(page.locator('[data-consent][data-src]')).toHaveCount(2);
  await expect(page.locator('consent-embed')).toHaveCount(1);
  await expect(page.locator('[data-consent][data-src][src]')).toHaveCount(0);
  await expect(page.locator('script[type="text/plain"]')).toHaveCount(3);
});

test('"Reject all" drops what was held, and the host stays silent after reload and after 5 seconds', async ({
  page,
  context,
}) => {
  const network = await fakeNetwork(context);
  await page.clock.install();
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { blockedEvents: string[] }).blockedEvents = []);
    document.addEventListener('consent:blocked', (e) => seen.push(`${e.detail.kind}:${e.detail.reason}`));
  });
  await page.goto('/gating.html');
  await expect.poll(() => statsCounts(page)).toMatchObject({ held: ATTEMPTS_ON_LOAD });
  await page.getByRole('button', { name: 'Reject all' }).click();
  await expect
    .poll(() => statsCounts(page))
    .toEqual({ held: ATTEMPTS_ON_LOAD, released: 0, dropped: ATTEMPTS_ON_LOAD });
  await page.clock.runFor(100); // XHR reports its failure from a timer, as a network error would
  await expect
    .poll(() => pageValue(page, 'attempts'))
    .toEqual(expect.arrayContaining(['fetch:failed', 'xhr:error', 'frame:failed']));
  expect(await page.evaluate(() => (window as unknown as { blockedEvents: string[] }).blockedEvents)).toEqual(
    expect.arrayContaining([
      'beacon:denied',
      'fetch:denied',
      'xhr:denied',
      'image:denied',
      'script:denied',
      'iframe:denied',
    ]),
  );
  expect(await page.evaluate(() => navigator.sendBeacon('https://stats.example.com/collect?n=after', 'x'))).toBe(false);

  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(banner(page)).toBeHidden();
  await expect.poll(() => statsCounts(page)).toEqual({ held: 0, released: 0, dropped: ATTEMPTS_ON_LOAD });
  await page.clock.runFor(5_000);
  await expect.poll(() => pageValue(page, 'attempts')).toContain('late:false');
  expect(await statsCounts(page)).toEqual({ held: 0, released: 0, dropped: ATTEMPTS_ON_LOAD + 1 });
  expect(network.stats).toEqual([]);
  expect(await pageValue(page, 'inlineRuns')).toBeUndefined();
  expect(await pageValue(page, 'tagRuns')).toBeUndefined();
});

test('"Accept all" sends the held requests once each, beacons in order, and runs tagged scripts once', async ({
  page,
  context,
}) => {
  const network = await fakeNetwork(context);
  await page.goto('/gating.html');
  await expect.poll(() => statsCounts(page)).toMatchObject({ held: ATTEMPTS_ON_LOAD });
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => pageValue(page, 'ran')).toEqual(['tag', 'inline:42', 'added-later']);
  await expect.poll(() => network.stats.length).toBe(ATTEMPTS_ON_LOAD + 4); // + tag.js, 2 images and an iframe by data-src
  await expect
    .poll(() => pageValue(page, 'attempts'))
    .toEqual(expect.arrayContaining(['fetch:ok', 'xhr:load', 'frame:ok']));
  expect(network.stats.filter((u) => /^\/collect\?n=\d$/.test(u))).toEqual([
    '/collect?n=1',
    '/collect?n=2',
    '/collect?n=3',
  ]);
  expect([...network.stats].sort()).toEqual([
    '/collect?n=1',
    '/collect?n=2',
    '/collect?n=3',
    '/collect?n=fetch',
    '/collect?n=frame',
    '/collect?n=image',
    '/collect?n=markup',
    '/collect?n=xhr',
    '/frame.html?from=data-src',
    '/frame.html?from=injected',
    '/injected.js',
    '/pixel.gif?from=added-later',
    '/pixel.gif?from=data-src',
    '/tag.js',
  ]);
  expect(await statsCounts(page)).toEqual({ held: ATTEMPTS_ON_LOAD, released: ATTEMPTS_ON_LOAD, dropped: 0 });
  expect(await pageValue(page, 'inlineRuns')).toBe(1);
  expect(await pageValue(page, 'tagRuns')).toBe(1);
  expect(await pageValue(page, 'injectedRuns')).toBe(1);
  // The tagged script kept its attributes.
  const tag = page.locator('script[src="https://stats.example.com/tag.js"]');
  await expect(tag).toHaveAttribute('data-site', '42');
  await expect(tag).toHaveAttribute('crossorigin', 'anonymous');
  await expect(tag).toHaveAttribute('referrerpolicy', 'no-referrer');
  await expect(tag).toHaveAttribute('integrity', /^sha384-/); // and it ran, so the hash was checked and held
  expect(await page.evaluate(() => (document.getElementById('inline-tag') as HTMLScriptElement).nonce)).toBe(
    'gating-nonce',
  );
  await expect(page.locator('script[type="text/plain"]')).toHaveCount(0);
  // Granted now: a tagged script added from here on runs at once, and only once.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.consent = 'analytics';
    script.text = "(window.ran = window.ran || []).push('after-grant');";
    document.body.append(script);
  });
  await expect.poll(() => pageValue(page, 'ran')).toEqual(['tag', 'inline:42', 'added-later', 'after-grant']);

  network.stats.length = 0;
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(banner(page)).toBeHidden();
  await expect.poll(() => pageValue(page, 'ran')).toEqual(['tag', 'inline:42', 'added-later']);
  await expect.poll(() => network.stats.length).toBe(ATTEMPTS_ON_LOAD + 4);
  expect(await statsCounts(page)).toEqual({ held: 0, released: 0, dropped: 0 });
});

test('manager.beacon() holds before a decision, sends on a grant, and refuses after a denial', async ({
  page,
  context,
}) => {
  const network = await fakeNetwork(context);
  await page.goto('/gating.html');
  await managerReady(page);
  const beacon = (n: string) =>
    page.evaluate(
      (url) => (window as unknown as GatingWindow).ConsentKit.get().beacon('analytics', url, 'x'),
      `https://stats.example.com/api?n=${n}`,
    );
  expect(await beacon('before')).toBe(true);
  expect(network.stats).toEqual([]);
  await page.evaluate(() =>
    (window as unknown as GatingWindow).ConsentKit.get().update({ categories: { analytics: true } }),
  );
  await expect.poll(() => network.stats.filter((u) => u.startsWith('/api'))).toEqual(['/api?n=before']);
  expect(await beacon('granted')).toBe(true);
  await expect
    .poll(() => network.stats.filter((u) => u.startsWith('/api')))
    .toEqual(['/api?n=before', '/api?n=granted']);
});

test('withdrawing analytics deletes its cookies, reloads once and blocks later requests', async ({ page, context }) => {
  const network = await fakeNetwork(context);
  await page.goto('/gating.html');
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => pageValue(page, 'tagRuns')).toBe(1);
  await context.addCookies(['_ga', '_hm_lvt_1', 'theme'].map((name) => ({ name, value: '1', url: PAGE_ORIGIN })));

  let loads = 0;
  page.on('load', () => loads++);
  const reloaded = page.waitForEvent('load');
  await page.evaluate(() =>
    (window as unknown as GatingWindow).ConsentKit.get().update({ categories: { analytics: false } }),
  );
  await reloaded;
  await expect(page.locator('h1')).toBeVisible();

  const names = (await context.cookies()).map((c) => c.name).sort();
  expect(names).toEqual(['consent', 'theme']);
  expect(loads).toBe(1);
  network.stats.length = 0;
  await expect.poll(() => statsCounts(page)).toEqual({ held: 0, released: 0, dropped: ATTEMPTS_ON_LOAD });
  expect(
    await page.evaluate(() =>
      fetch('https://stats.example.com/collect?n=later').then(
        () => 'sent',
        () => 'refused',
      ),
    ),
  ).toBe('refused');
  expect(network.stats).toEqual([]);
  expect(await pageValue(page, 'tagRuns')).toBeUndefined();
});

test('withdrawal in the preferences panel deletes the cookies and blocks later requests', async ({ page, context }) => {
  const network = await fakeNetwork(context);
  await page.goto('/gating.html');
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => pageValue(page, 'tagRuns')).toBe(1);
  await context.addCookies(['_ga', '_hm_lvt_1', 'theme'].map((name) => ({ name, value: '1', url: PAGE_ORIGIN })));

  await page.getByRole('link', { name: 'Cookie settings' }).click();
  await page.getByRole('switch', { name: 'Analytics' }).click();
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'Save choices' }).click();
  await reloaded;
  await expect(page.locator('h1')).toBeVisible();

  expect((await context.cookies()).map((c) => c.name).sort()).toEqual(['consent', 'theme']);
  network.stats.length = 0;
  await expect.poll(() => statsCounts(page)).toEqual({ held: 0, released: 0, dropped: ATTEMPTS_ON_LOAD });
  expect(network.stats).toEqual([]);
  expect(await pageValue(page, 'ran')).toBeUndefined();
});

test('withdrawal deletes cookies on the parent domains the page can reach', async ({ page, context }) => {
  const network = await fakeNetwork(context);
  // The same test pages, served as www.shop.test, so that a parent domain exists.
  await context.route('http://www.shop.test/**', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${PAGE_ORIGIN}${url.pathname}` });
    // The withdrawal's reload cancels what the page still had in flight; its answer then has no taker.
    await route.fulfill({ response }).catch((error: Error) => {
      if (!/has been disposed/.test(error.message)) throw error;
    });
  });
  await page.goto('http://www.shop.test/gating.html');
  await page.getByRole('button', { name: 'Accept all' }).click();
  await context.addCookies([
    { name: '_ga', value: 'parent', domain: '.shop.test', path: '/' },
    { name: '_hm_lvt_1', value: 'host', url: 'http://www.shop.test' },
    { name: '_ga', value: 'other-site', url: PAGE_ORIGIN },
  ]);
  await expect.poll(() => network.stats.length).toBe(ATTEMPTS_ON_LOAD + 4);
  network.stats.length = 0;
  const reloaded = page.waitForEvent('load');
  await page.evaluate(() => (window as unknown as GatingWindow).ConsentKit.get().rejectAll());
  await reloaded;
  const left = (await context.cookies()).map((c) => `${c.name}@${c.domain}`).sort();
  expect(left).toEqual(['_ga@127.0.0.1', 'consent@www.shop.test']);
  await expect.poll(() => statsCounts(page)).toEqual({ held: 0, released: 0, dropped: ATTEMPTS_ON_LOAD });
  expect(network.stats).toEqual([]);
});

test('Consent Mode: "default" (denied) comes before the first tag command, and an "update" follows each decision', async ({
  page,
  context,
}) => {
  await fakeNetwork(context);
  await page.goto('/gating.html');
  await managerReady(page); // the page's own gtag() calls ran before the config was validated
  const commands = () =>
    page.evaluate(() =>
      Array.from((window as unknown as GatingWindow).dataLayer, (entry) =>
        JSON.parse(JSON.stringify(Array.from(entry))),
      ),
    );
  const denied = {
    analytics_storage: 'denied',
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
  };
  const before = await commands();
  expect(before[0]).toEqual(['consent', 'default', { ...denied, wait_for_update: 500 }]);
  expect(before[1]?.[0]).toBe('js');
  expect(before.filter((c) => c[1] === 'update')).toEqual([]);

  await page.getByRole('button', { name: 'Accept all' }).click();
  const granted = {
    analytics_storage: 'granted',
    ad_storage: 'granted',
    ad_user_data: 'granted',
    ad_personalization: 'granted',
  };
  await expect.poll(commands).toEqual([...before, ['consent', 'update', granted]]);

  const reloaded = page.waitForEvent('load');
  await page.evaluate(() =>
    (window as unknown as GatingWindow).ConsentKit.get().update({ categories: { marketing: false } }),
  );
  await reloaded; // marketing was withdrawn
  await managerReady(page);
  const after = await commands();
  expect(after.slice(0, 3)).toEqual([
    ['consent', 'default', { ...denied, wait_for_update: 500 }],
    ['consent', 'update', { ...granted, ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }],
    expect.arrayContaining(['js']),
  ]);
});
