import { expect, test, type Page } from '@playwright/test';
import { managerReady } from './manager-ready.js';

type Report = Record<string, Record<string, { held: number; released: number; dropped: number }>>;
type WritesWindow = { writes: number; ConsentKit: { get(): { blocked(): Report } } };

const TRACKER_COOKIES = ['_ga', '_hm_session', '_hm_store'];
const TRACKER_KEYS = ['tracker_id', 'ph_queue'];

/** Cookie names and storage keys the page holds, sampled after each of `rounds` more writes by the tracker. */
async function sample(page: Page, rounds: number) {
  return page.evaluate(async (n) => {
    const seen = new Set<string>();
    const w = window as unknown as WritesWindow;
    for (let i = 0; i < n; i++) {
      const before = w.writes;
      await new Promise<void>((resolve) => {
        const check = () => (w.writes > before ? resolve() : requestAnimationFrame(check));
        check();
      });
      for (const pair of document.cookie.split('; ')) seen.add(pair.split('=')[0]!);
      for (const store of [localStorage, sessionStorage])
        for (let k = 0; k < store.length; k++) seen.add(store.key(k)!);
    }
    return [...seen];
  }, rounds);
}

const blocked = (page: Page) => page.evaluate(() => (window as unknown as WritesWindow).ConsentKit.get().blocked());

test('before a decision and after "Reject all" a running tracker never holds its cookies, storage keys or database, while the page\'s own are written', async ({
  page,
  context,
}) => {
  await page.goto('/writes.html');
  await managerReady(page);
  const before = await sample(page, 10);
  expect(before).toEqual(expect.arrayContaining(['theme', 'session_id']));
  expect(before.filter((name) => [...TRACKER_COOKIES, ...TRACKER_KEYS].includes(name))).toEqual([]);

  await page.getByRole('button', { name: 'Reject all' }).click();
  expect((await sample(page, 10)).filter((name) => [...TRACKER_COOKIES, ...TRACKER_KEYS].includes(name))).toEqual([]);
  await page.reload();
  await managerReady(page);
  expect((await sample(page, 10)).filter((name) => [...TRACKER_COOKIES, ...TRACKER_KEYS].includes(name))).toEqual([]);
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toEqual([]);
  // The browser's own jar agrees, Cookie Store writes included.
  expect((await context.cookies()).map((c) => c.name).filter((name) => TRACKER_COOKIES.includes(name))).toEqual([]);

  const report = (await blocked(page)).analytics!;
  for (const key of [
    'cookie:_ga',
    'cookie:_hm_session',
    'cookie:_hm_store',
    'localStorage:tracker_id',
    'sessionStorage:ph_queue',
    'indexedDB:tracker-db',
  ]) {
    expect(report[key]?.dropped, key).toBeGreaterThan(0);
  }
});

test('refused writes show in consent:blocked with their kind and name', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { refused: string[] }).refused = []);
    document.addEventListener('consent:blocked', (e) =>
      seen.push(`${e.detail.kind}:${e.detail.name}:${e.detail.reason}`),
    );
  });
  await page.goto('/writes.html');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { refused: string[] }).refused))
    .toEqual(
      expect.arrayContaining([
        'cookie:_ga:undecided',
        'cookie:_hm_session:undecided',
        'cookie:_hm_store:undecided',
        'localStorage:tracker_id:undecided',
        'sessionStorage:ph_queue:undecided',
        'indexedDB:tracker-db:undecided',
      ]),
    );
});

test('after "Accept all" the tracker\'s writes go through', async ({ page }) => {
  await page.goto('/writes.html');
  await managerReady(page);
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => sample(page, 2)).toEqual(expect.arrayContaining([...TRACKER_COOKIES, ...TRACKER_KEYS]));
});

test("a withdrawal deletes the tracker's cookies, storage keys and database, and they stay gone after the reload", async ({
  page,
}) => {
  await page.goto('/writes.html');
  await managerReady(page);
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => sample(page, 2)).toEqual(expect.arrayContaining([...TRACKER_COOKIES, ...TRACKER_KEYS]));
  const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
  await expect.poll(databases).toContain('tracker-db');

  const reloaded = page.waitForEvent('load');
  await page.evaluate(() =>
    (window as unknown as { ConsentKit: { get(): { update(c: unknown): void } } }).ConsentKit.get().update({
      categories: { analytics: false },
    }),
  );
  await reloaded;
  await managerReady(page);
  const seen = await sample(page, 10);
  expect(seen.filter((name) => [...TRACKER_COOKIES, ...TRACKER_KEYS].includes(name))).toEqual([]);
  expect(seen).toContain('theme');
  await expect.poll(databases).not.toContain('tracker-db');
});

test("a config of the common fields naming presets starts with the preset lists alone, without the validator, and refuses the preset's cookies and keys", async ({
  page,
}) => {
  const chunks: string[] = [];
  page.on('request', (request) => {
    const file = /consent-kit-([a-z-]+)-[\w-]+\.js$/.exec(request.url())?.[1];
    if (file) chunks.push(file);
  });
  await page.goto('/presets.html');
  await managerReady(page);
  expect(await page.evaluate(() => document.cookie)).toBe('theme=dark');
  expect(await page.evaluate(() => localStorage.getItem('Hm_unsent_0123abcd'))).toBeNull();
  expect(chunks).toEqual(['preset-services']);
  // The preset is a service of its name: the gate refuses its writes for that service.
  expect(Object.keys((await blocked(page))['analytics/baidu-tongji']!)).toEqual([
    'cookie:Hm_lvt_0123abcd',
    'localStorage:Hm_unsent_0123abcd',
  ]);
});
