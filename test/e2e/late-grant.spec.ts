import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { managerReady } from './manager-ready.js';

type KitWindow = {
  ConsentKit: { get(): { rejectAll(): void; acceptAll(): void } };
  track(event: string): void;
  marker?: string;
};

/** Answers the analytics host here and records what reached it; anything but 127.0.0.1 and it is refused. */
async function statsHost(context: BrowserContext) {
  const received: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    if (url.hostname !== 'stats.example.com') return route.abort();
    received.push(url.searchParams.get('e') ?? '');
    return route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' } });
  });
  return received;
}

const kit = (page: Page, call: 'rejectAll' | 'acceptAll') =>
  page.evaluate((c) => (window as unknown as KitWindow).ConsentKit.get()[c](), call);

test('untagged: a grant after "Reject all" on the same page delivers nothing recorded while denied; it takes effect from the reload it causes', async ({
  page,
  context,
}) => {
  const received = await statsHost(context);
  await page.goto('/late-grant.html');
  await managerReady(page);
  await kit(page, 'rejectAll');
  await page.evaluate(() => (window as unknown as KitWindow).track('click-while-denied'));
  // The tracker has tried (and failed) to send since the denial: its queue is what must never arrive.
  await page.evaluate(
    () => new Promise((resolve) => document.addEventListener('consent:blocked', resolve, { once: true })),
  );
  const reloaded = page.waitForEvent('load');
  await kit(page, 'acceptAll');
  await reloaded;
  await expect.poll(() => received).toEqual(['pageview-2']);
  expect(received.join()).not.toContain('while-denied');
});

test('tagged: a grant after "Reject all" on the same page starts the tagged scripts at once, without a reload', async ({
  page,
  context,
}) => {
  const received = await statsHost(context);
  await page.goto('/late-grant-tagged.html');
  await managerReady(page);
  await kit(page, 'rejectAll');
  await page.evaluate(() => ((window as unknown as KitWindow).marker = 'same page'));
  await kit(page, 'acceptAll');
  await expect.poll(() => received).toEqual(['tagged-pageview']);
  expect(await page.evaluate(() => (window as unknown as KitWindow).marker)).toBe('same page');
});
