import { readFile } from 'node:fs/promises';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { decodeRecord, encodeRecord } from '../../src/core/cookie-codec.js';
import type { ConsentRecord } from '../../src/schema/consent-record.js';
import { allReceipts } from '../fixtures/all-receipts.js';
import { managerReady } from './manager-ready.js';
import { PAGE_ORIGIN } from './origin.js';
import { withPageEndpoint } from './page-endpoint.js';

/*
 * One category, three services (services.html): Google Analytics (the `ga4` preset), Baidu Tongji (the
 * `baidu-tongji` preset) and Microsoft Clarity (a service of its own with the `clarity` preset). Their hosts
 * are answered here; nothing leaves 127.0.0.1. The page's trackers send and write only when the test calls
 * `track()`.
 */

type Report = Record<string, Record<string, { held: number; released: number; dropped: number }>>;
type Manager = {
  state: ConsentRecord | null;
  blocked(): Report;
  acceptAll(): unknown;
  allow(purpose: string): unknown;
  update(choices: unknown): unknown;
  has(purpose: string): boolean;
};
type ServicesWindow = { ConsentKit: { get(): Manager }; track(): void; dataLayer: ArrayLike<unknown>[] };

const HOSTS = { clarity: 'www.clarity.ms', tongji: 'hm.baidu.com', ga4: 'region1.google-analytics.com' };
const CLARITY_NAMES = ['_clck', '_clsk', 'clarity_seen'];
const OTHER_NAMES = ['Hm_lvt_0123abcd', 'Hm_unsent_0123abcd', '_ga'];

/** Answers the three trackers' hosts and records the rounds each received; aborts anything else off 127.0.0.1. */
async function trackerHosts(context: BrowserContext) {
  const received: Record<keyof typeof HOSTS, string[]> = { clarity: [], tongji: [], ga4: [] };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    const service = (Object.keys(HOSTS) as (keyof typeof HOSTS)[]).find((s) => HOSTS[s] === url.hostname);
    if (!service) return route.abort();
    received[service].push(url.searchParams.get('round') ?? '');
    return route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' } });
  });
  return received;
}

const manager = <T>(page: Page, call: (m: Manager) => T) =>
  page.evaluate(`(${call.toString()})(window.ConsentKit.get())`) as Promise<T>;
const track = (page: Page) => page.evaluate(() => (window as unknown as ServicesWindow).track());
/** Cookie names and storage keys the page holds. */
const namesHeld = (page: Page) =>
  page.evaluate(() => [
    ...document.cookie.split('; ').map((pair) => pair.split('=')[0]!),
    ...Object.keys(localStorage),
    ...Object.keys(sessionStorage),
  ]);

test("granting one service lets its requests and writes through and keeps the other services' of the category out", async ({
  page,
  context,
}) => {
  const received = await trackerHosts(context);
  await page.goto('/services.html');
  await managerReady(page);
  await track(page); // before a decision: every request is held, every write refused
  await expect.poll(() => manager(page, (m) => m.blocked()['analytics/clarity']?.['www.clarity.ms']?.held)).toBe(1);

  await manager(page, (m) => m.allow('analytics/clarity'));
  expect(await manager(page, (m) => [m.has('analytics/clarity'), m.has('analytics/ga4'), m.has('analytics')])).toEqual([
    true,
    false,
    false,
  ]);
  // The held request of the granted service goes; those of the others are dropped.
  await expect.poll(() => received.clarity).toEqual(['1']);
  const report = await manager(page, (m) => m.blocked());
  expect(report['analytics/baidu-tongji']?.['hm.baidu.com']).toEqual({ held: 1, released: 0, dropped: 1 });
  expect(report['analytics/ga4']?.['region1.google-analytics.com']).toEqual({ held: 1, released: 0, dropped: 1 });

  await track(page); // sent after Baidu's and Google's, so theirs would have arrived first
  await expect.poll(() => received.clarity).toEqual(['1', '2']);
  expect([received.tongji, received.ga4]).toEqual([[], []]);
  const held = await namesHeld(page);
  expect(held).toEqual(expect.arrayContaining(CLARITY_NAMES));
  expect(held.filter((name) => OTHER_NAMES.includes(name))).toEqual([]);
});

test('update({ services }) grants a single service of a denied category, and the gate follows it', async ({
  page,
  context,
}) => {
  const received = await trackerHosts(context);
  await page.goto('/services.html');
  await managerReady(page);
  await manager(page, (m) =>
    m.update({ categories: { analytics: false }, services: { analytics: { 'baidu-tongji': true } } }),
  );
  expect(await manager(page, (m) => m.state?.services)).toEqual({
    analytics: { clarity: false, ga4: false, 'baidu-tongji': true },
  });
  await track(page);
  await expect.poll(() => received.tongji).toEqual(['1']);
  await track(page);
  await expect.poll(() => received.tongji).toEqual(['1', '2']);
  expect([received.clarity, received.ga4]).toEqual([[], []]);
  const held = await namesHeld(page);
  expect(held).toEqual(expect.arrayContaining(['Hm_lvt_0123abcd', 'Hm_unsent_0123abcd']));
  expect(held.filter((name) => [...CLARITY_NAMES, '_ga'].includes(name))).toEqual([]);
});

test("withdrawing one service deletes its cookies and storage keys, not the other services', and reloads the page", async ({
  page,
  context,
}) => {
  await trackerHosts(context);
  await page.goto('/services.html');
  await managerReady(page);
  await manager(page, (m) => m.acceptAll());
  await track(page);
  expect(await namesHeld(page)).toEqual(expect.arrayContaining([...CLARITY_NAMES, ...OTHER_NAMES]));

  const reloaded = page.waitForEvent('load');
  await manager(page, (m) => m.update({ services: { analytics: { clarity: false } } }));
  await reloaded;
  await managerReady(page);
  const held = await namesHeld(page);
  expect(held.filter((name) => CLARITY_NAMES.includes(name))).toEqual([]);
  expect(held).toEqual(expect.arrayContaining([...OTHER_NAMES, 'theme']));
  // Nothing wrote them again since: the values are those of the one round before the withdrawal.
  expect(await page.evaluate(() => localStorage.getItem('Hm_unsent_0123abcd'))).toBe('[1]');
  expect((await context.cookies()).map((c) => c.name)).not.toEqual(expect.arrayContaining(['_clck']));
  expect(await manager(page, (m) => m.state?.services)).toEqual({
    analytics: { clarity: false, ga4: true, 'baidu-tongji': true },
  });
});

test('a format 1 cookie written before the category had services reads as the same decision', async ({
  page,
  context,
}) => {
  const received = await trackerHosts(context);
  const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  const old: ConsentRecord = {
    id: '7b0f1c52-9a3e-4d1b-8c2f-3e5a6b7c8d9e',
    policyVersion: '2024-06',
    categories: { analytics: true, marketing: false },
    contact: {},
    method: 'preferences-save',
    ageConfirmed: false,
    decidedAt: now,
    updatedAt: now,
    revision: 1,
  };
  const value = encodeRecord(old);
  expect(value.startsWith('1~')).toBe(true);
  await context.addCookies([{ name: 'consent', value, url: PAGE_ORIGIN }]);
  await page.goto('/services.html');
  await managerReady(page);
  expect(await manager(page, (m) => m.state)).toEqual(decodeRecord(value));
  expect(
    await manager(page, (m) =>
      ['analytics', 'analytics/clarity', 'analytics/ga4', 'analytics/baidu-tongji', 'marketing'].map((p) => m.has(p)),
    ),
  ).toEqual([true, true, true, true, false]);
  await expect(page.getByRole('region', { name: 'Your privacy choices' })).toBeHidden();
  await track(page);
  await expect.poll(() => received.clarity).toEqual(['1']);
  await expect.poll(() => received.tongji).toEqual(['1']);
  // The cookie is not rewritten on load: a script of an earlier version still reads it.
  expect((await context.cookies()).find((c) => c.name === 'consent')?.value).toBe(value);

  // The same with the category denied: every service follows it.
  const denied = encodeRecord({ ...old, categories: { analytics: false, marketing: false } });
  await context.addCookies([{ name: 'consent', value: denied, url: PAGE_ORIGIN }]);
  await page.reload();
  await managerReady(page);
  expect(await manager(page, (m) => ['analytics/clarity', 'analytics/ga4'].map((p) => m.has(p)))).toEqual([
    false,
    false,
  ]);
});

test("Consent Mode's analytics_storage follows the ga4 service, not another service of the category", async ({
  page,
  context,
}) => {
  await trackerHosts(context);
  await page.goto('/services.html');
  await managerReady(page);
  const updates = () =>
    page.evaluate(() =>
      Array.from((window as unknown as ServicesWindow).dataLayer, (entry) => JSON.parse(JSON.stringify(entry)))
        .filter((command) => command[1] === 'update')
        .map((command) => command[2].analytics_storage),
    );
  expect(await updates()).toEqual([]);
  await manager(page, (m) => m.allow('analytics/clarity'));
  await expect.poll(updates).toEqual(['denied']);
  await manager(page, (m) => m.allow('analytics/baidu-tongji'));
  await expect.poll(updates).toEqual(['denied', 'denied']);
  await manager(page, (m) => m.allow('analytics/ga4'));
  await expect.poll(updates).toEqual(['denied', 'denied', 'granted']);
  // ga4 alone, Clarity and Baidu Tongji withdrawn (the page reloads): still granted.
  const reloaded = page.waitForEvent('load');
  await manager(page, (m) => m.update({ services: { analytics: { clarity: false, 'baidu-tongji': false } } }));
  await reloaded;
  await managerReady(page);
  expect(await updates()).toEqual(['granted']);
});

test('a decision with one service granted reaches the endpoint, its receipt and "Download my consent record" with its services', async ({
  page,
}) => {
  await withPageEndpoint(27, async ({ url, store }) => {
    const config = {
      policy: { version: '2024-06', url: '/privacy.html' },
      endpoint: url,
      categories: [
        { id: 'necessary', required: true },
        {
          id: 'analytics',
          presets: ['ga4'],
          services: [{ id: 'clarity', label: 'Microsoft Clarity', presets: ['clarity'] }],
        },
      ],
    };
    await page.goto(`/configured.html?${new URLSearchParams({ config: JSON.stringify(config) })}`);
    await managerReady(page);
    await manager(page, (m) => m.allow('analytics/clarity'));
    const decided = (await manager(page, (m) => m.state))!;
    expect(decided.services).toEqual({ analytics: { clarity: true, ga4: false } });
    await expect.poll(async () => (await store.read(decided.id))?.record).toEqual(decided);
    // The category granted in part is its services, then come the contact choices.
    const purposes = [
      'analytics/clarity: granted',
      'analytics/ga4: denied',
      ...['email', 'phone'].flatMap((c) => [`contact:${c}:offers: denied`, `contact:${c}:feedback: denied`]),
    ];
    const [stored] = await allReceipts(store, decided.id);
    expect(stored!.receipt.purposes.map((p) => `${p.purpose}: ${p.status}`)).toEqual(purposes);

    await page.getByRole('link', { name: 'Cookie settings' }).click();
    const downloading = page.waitForEvent('download');
    await page
      .getByRole('dialog', { name: 'Privacy preferences' })
      .getByRole('button', { name: 'Download my consent record' })
      .click();
    const file = JSON.parse(await readFile((await (await downloading).path())!, 'utf8'));
    expect(file.decision).toEqual(decided);
    expect(file.receipts).toHaveLength(1);
    expect(
      file.receipts[0].receipt.purposes.map((p: { purpose: string; status: string }) => `${p.purpose}: ${p.status}`),
    ).toEqual(purposes);
  });
});
