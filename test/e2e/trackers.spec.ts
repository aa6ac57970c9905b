import { gunzipSync } from 'node:zlib';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { managerReady } from './manager-ready.js';
import { PAGE_ORIGIN } from './origin.js';

/*
 * Four analytics libraries from npm, each on its own transport (PostHog: fetch, Mixpanel: XHR, Amplitude:
 * sendBeacon, Sensors Data: image pixel), on a page with consent-kit: loaded as plain script tags, and
 * tagged. Their collection hosts are answered here; nothing leaves 127.0.0.1.
 */

type Report = Record<string, Record<string, { held: number; released: number; dropped: number }>>;
type TrackerWindow = {
  ConsentKit: { get(): { blocked(): Report; acceptAll(): void; rejectAll(): void; update(c: unknown): void } };
  track?: (name: string) => void;
  trackerErrors?: string[];
  seenNames: Set<string>;
};

const HOSTS = ['ph.tracker.test', 'mp.tracker.test', 'amp.tracker.test', 'sa.tracker.test'];
// As the page's config lists them.
const NAME_PATTERNS = [/^ph_/, /^mp_/, /^__mp/, /^AMP_/, /^sensorsdata/, /^sajssdk/, /^sawebjssdk/];
const isTrackerName = (name: string) => NAME_PATTERNS.some((p) => p.test(name));

/** Answers the trackers' hosts and keeps what each request carried, decoded; aborts anything else off 127.0.0.1. */
async function trackerHosts(context: BrowserContext) {
  const received: { host: string; text: string }[] = [];
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.hostname === '127.0.0.1') return route.continue();
    if (!HOSTS.includes(url.hostname)) return route.abort();
    // PostHog gzips its body; Sensors Data and Mixpanel put their events in base64 in a `data` parameter.
    const raw = request.postDataBuffer();
    const body =
      raw && raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : (raw?.toString('utf8') ?? '');
    const decoded = [...url.searchParams.values(), ...new URLSearchParams(body).values()]
      .map((value) => Buffer.from(value, 'base64').toString('utf8'))
      .join(' ');
    received.push({ host: url.hostname, text: `${decodeURIComponent(url.href)} ${body} ${decoded}` });
    return route.fulfill({
      status: 200,
      headers: { 'access-control-allow-origin': PAGE_ORIGIN, 'access-control-allow-credentials': 'true' },
      body: '1',
    });
  });
  return received;
}

/** Records every cookie and storage name the page holds, sampled every few milliseconds from its first moment. */
async function watchNames(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as TrackerWindow;
    w.seenNames = new Set();
    const sample = () => {
      for (const pair of document.cookie.split('; ')) if (pair) w.seenNames.add(`cookie:${pair.split('=')[0]}`);
      for (const [kind, store] of [
        ['localStorage', localStorage],
        ['sessionStorage', sessionStorage],
      ] as const) {
        for (let i = 0; i < store.length; i++) w.seenNames.add(`${kind}:${store.key(i)}`);
      }
    };
    sample();
    setInterval(sample, 5);
  });
}

const trackerNamesSeen = (page: Page) =>
  page
    .evaluate(async () => {
      const w = window as unknown as TrackerWindow;
      const databases = (await indexedDB.databases()).map((db) => `indexedDB:${db.name}`);
      return [...w.seenNames, ...databases];
    })
    .then((names) => names.filter((name) => isTrackerName(name.slice(name.indexOf(':') + 1))));

const trackerErrors = (page: Page) => page.evaluate(() => (window as unknown as TrackerWindow).trackerErrors ?? []);
const track = (page: Page, name: string) => page.evaluate((n) => (window as unknown as TrackerWindow).track?.(n), name);
const manager = (page: Page, call: 'acceptAll' | 'rejectAll') =>
  page.evaluate((c) => (window as unknown as TrackerWindow).ConsentKit.get()[c](), call);
const report = (page: Page) => page.evaluate(() => (window as unknown as TrackerWindow).ConsentKit.get().blocked());

/** Lets the trackers run a while: a second of their timers, awaited as frames rather than slept. */
const letRun = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const end = performance.now() + 1000;
        const tick = () => (performance.now() >= end ? resolve() : requestAnimationFrame(tick));
        tick();
      }),
  );

for (const { variant, path } of [
  { variant: 'untagged', path: '/trackers.html' },
  { variant: 'tagged', path: '/trackers-tagged.html' },
]) {
  test.describe(`real tracker libraries, ${variant}`, () => {
    test.beforeEach(async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      (page as unknown as { pageErrors: string[] }).pageErrors = errors;
      await watchNames(page);
    });
    const pageErrors = (page: Page) => (page as unknown as { pageErrors: string[] }).pageErrors;

    test('before a decision and after "Reject all", also after reload, no tracker cookie or storage ever exists, nothing reaches a tracker, and no tracker throws', async ({
      page,
      context,
    }) => {
      const received = await trackerHosts(context);
      await page.goto(path);
      await managerReady(page);
      await letRun(page);
      await track(page, 'before-decision');
      await letRun(page);
      expect(await trackerNamesSeen(page)).toEqual([]);

      await manager(page, 'rejectAll');
      await track(page, 'after-reject');
      await letRun(page);
      expect(await trackerNamesSeen(page)).toEqual([]);

      await page.reload();
      await managerReady(page);
      await track(page, 'after-reload');
      await letRun(page);
      expect(await trackerNamesSeen(page)).toEqual([]);
      expect(received).toEqual([]);
      expect(await trackerErrors(page)).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
    });

    test('after "Accept all" every tracker works: what was held arrives once, and its later events go out', async ({
      page,
      context,
    }) => {
      const received = await trackerHosts(context);
      await page.goto(path);
      await managerReady(page);
      await letRun(page);
      await manager(page, 'acceptAll');
      await expect.poll(() => HOSTS.filter((host) => !received.some((r) => r.host === host))).toEqual([]);
      await letRun(page);
      if (variant === 'untagged') {
        // Each request held before the decision was sent exactly once.
        const analytics = (await report(page)).analytics ?? {};
        for (const host of HOSTS) {
          const counts = analytics[host];
          expect(counts?.held, host).toBeGreaterThan(0);
          expect(counts?.released, host).toBe(counts?.held);
          expect(received.filter((r) => r.host === host).length, host).toBeGreaterThanOrEqual(counts!.held);
        }
      }
      await track(page, 'after-grant');
      await expect
        .poll(() => HOSTS.filter((host) => !received.some((r) => r.host === host && r.text.includes('after-grant'))))
        .toEqual([]);
      expect(await trackerErrors(page)).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
    });

    test("after a withdrawal the trackers' cookies and storage are gone and stay gone", async ({ page, context }) => {
      await trackerHosts(context);
      await page.goto(path);
      await managerReady(page);
      await manager(page, 'acceptAll');
      // Once they run, the trackers store their identifiers again at their next event.
      await expect
        .poll(async () => {
          await track(page, 'after-grant');
          return trackerNamesSeen(page);
        })
        .not.toEqual([]);
      const reloaded = page.waitForEvent('load');
      await page.evaluate(() =>
        (window as unknown as TrackerWindow).ConsentKit.get().update({ categories: { analytics: false } }),
      );
      await reloaded;
      await managerReady(page);
      await track(page, 'after-withdrawal');
      await letRun(page);
      expect(await trackerNamesSeen(page)).toEqual([]);
    });

    test('a grant after "Reject all" on the same page delivers nothing recorded while denied', async ({
      page,
      context,
    }) => {
      const received = await trackerHosts(context);
      await page.goto(path);
      await managerReady(page);
      await manager(page, 'rejectAll');
      await track(page, 'while-denied');
      await letRun(page);
      // Untagged trackers were running all along: the grant reloads the page. Tagged ones start now.
      const reloaded = variant === 'untagged' ? page.waitForEvent('load') : undefined;
      await manager(page, 'acceptAll');
      await reloaded;
      await managerReady(page);
      await expect.poll(() => page.evaluate(() => typeof (window as unknown as TrackerWindow).track)).toBe('function');
      await track(page, 'after-grant');
      await expect
        .poll(() => HOSTS.filter((host) => !received.some((r) => r.host === host && r.text.includes('after-grant'))))
        .toEqual([]);
      await letRun(page);
      expect(received.filter((r) => r.text.includes('while-denied'))).toEqual([]);
      expect(await trackerErrors(page)).toEqual([]);
    });
  });
}
