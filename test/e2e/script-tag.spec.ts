import { expect, test, type Page } from '@playwright/test';
import { PAGE_ORIGIN } from './origin.js';

type ConsentKitGlobal = {
  get(): { has(c: string): boolean; state: unknown; configError: unknown; acceptAll(): unknown } | undefined;
};
declare global {
  interface Window {
    ConsentKit: ConsentKitGlobal;
  }
}

/** Collects uncaught page errors and console output, to prove the SDK throws nothing into the page. */
function watch(page: Page) {
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { pageErrors, consoleErrors };
}

const banner = (page: Page) => page.getByRole('region', { name: 'Your privacy choices' });
const has = (page: Page, category: string) => page.evaluate((c) => window.ConsentKit.get()!.has(c), category);

test('a page with only the JSON config and the script tag shows the banner', async ({ page }) => {
  const { pageErrors } = watch(page);
  await page.goto('/index.html');
  await expect(banner(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept all', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reject all', exact: true })).toBeVisible();
  expect(await has(page, 'analytics')).toBe(false);
  expect(pageErrors).toEqual([]);
});

test('"Reject all" then reload: no banner and analytics stays denied', async ({ page, context }) => {
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Reject all' }).click();
  await expect(banner(page)).toBeHidden();
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(banner(page)).toBeHidden();
  expect(await has(page, 'analytics')).toBe(false);
  const cookie = (await context.cookies()).find((c) => c.name === 'consent');
  expect(cookie).toMatchObject({ sameSite: 'Lax', path: '/' });
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(364 * 86_400_000);
});

test('"Accept all" grants analytics, and it holds after reload', async ({ page }) => {
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Accept all' }).click();
  expect(await has(page, 'analytics')).toBe(true);
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(banner(page)).toBeHidden();
  expect(await has(page, 'analytics')).toBe(true);
});

test('a corrupted consent cookie brings the banner back without a page error', async ({ page, context }) => {
  const { pageErrors } = watch(page);
  await context.addCookies([{ name: 'consent', value: '1~not-a-real-decision~~', url: PAGE_ORIGIN }]);
  await page.goto('/index.html');
  await expect(banner(page)).toBeVisible();
  expect(await has(page, 'analytics')).toBe(false);
  expect(pageErrors).toEqual([]);
});

test('an invalid config prints one console error naming the field and grants nothing', async ({ page, context }) => {
  // A visitor who accepted earlier: the broken deploy must neither honour nor erase that cookie.
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Accept all' }).click();
  const before = (await context.cookies()).find((c) => c.name === 'consent')!.value;

  const { pageErrors, consoleErrors } = watch(page);
  await page.goto('/invalid-config.html');
  await expect(page.locator('h1')).toBeVisible();
  expect(consoleErrors).toHaveLength(1);
  expect(consoleErrors[0]).toContain('cookie.expiresDays: expected number, received string');
  expect(pageErrors).toEqual([]);
  expect(await page.evaluate(() => window.ConsentKit.get() !== undefined)).toBe(true);
  expect(await has(page, 'analytics')).toBe(false);
  await page.evaluate(() => window.ConsentKit.get()!.acceptAll());
  expect(await has(page, 'analytics')).toBe(false);
  await expect(page.locator('consent-banner [role="region"]')).toHaveCount(0);
  expect((await context.cookies()).find((c) => c.name === 'consent')!.value).toBe(before);
});

test('the SDK in <head> finds a config placed after it, and follows <html lang="zh-CN">', async ({ page }) => {
  const { pageErrors } = watch(page);
  await page.goto('/config-after-script.html');
  await expect(page.getByRole('button', { name: '全部接受' })).toBeVisible();
  await page.getByRole('button', { name: '全部拒绝' }).click();
  expect(await has(page, 'analytics')).toBe(false);
  expect(pageErrors).toEqual([]);
});

test('loading the script twice still gives one manager and one banner', async ({ page }) => {
  const { pageErrors } = watch(page);
  await page.goto('/loaded-twice.html');
  await expect(banner(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Accept all' }).click();
  expect(await has(page, 'analytics')).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('consent:ready and consent:change reach listeners on document', async ({ page }) => {
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { consentLog: string[] }).consentLog = log;
    document.addEventListener('consent:ready', (e) => log.push(`ready:${JSON.stringify(e.detail)}`));
    document.addEventListener('consent:change', (e) => log.push(`change:${e.detail?.method}`));
  });
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Accept all' }).click();
  expect(await page.evaluate(() => (window as unknown as { consentLog: string[] }).consentLog)).toEqual([
    'ready:null',
    'change:banner-accept-all',
  ]);
});

test('a decision in one tab reaches another open tab without reload', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('/index.html');
  await second.goto('/index.html');
  await expect(banner(second)).toBeVisible();
  await first.getByRole('button', { name: 'Accept all' }).click();
  await expect(banner(second)).toBeHidden({ timeout: 1000 });
  expect(await has(second, 'analytics')).toBe(true);
});

test('with Global Privacy Control, "Accept all" leaves marketing off', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Accept all' }).click();
  expect(await has(page, 'analytics')).toBe(true);
  expect(await has(page, 'marketing')).toBe(false);
});
