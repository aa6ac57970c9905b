import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { managerReady } from './manager-ready.js';

const SCREENSHOTS = 'test-results/screenshots';
/** Written only by `npm run screenshots`, like the banner's pictures (see ui.spec.ts). */
const README_SCREENSHOTS = process.env.README_SCREENSHOTS ? 'docs/screenshots' : undefined;

type Manager = {
  state: { method: string; services?: Record<string, Record<string, boolean>> } | null;
  rejectAll(): unknown;
};
const manager = async (page: Page) => {
  await managerReady(page);
  return page.evaluate(() => (window as unknown as { ConsentKit: { get(): Manager } }).ConsentKit.get().state);
};

const texts = {
  en: {
    name: 'Bilibili',
    other: 'Youku',
    load: 'Load content',
    manage: 'Manage preferences',
    panel: 'Privacy preferences',
  },
  'zh-CN': { name: '哔哩哔哩', other: '优酷', load: '加载内容', manage: '管理偏好设置', panel: '隐私偏好设置' },
} as const;

/** Every request for the frame fixture, by its `n`: how often each embed loaded. */
function countFrameLoads(page: Page): Record<string, number> {
  const loads: Record<string, number> = {};
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/embed-frame.html') return;
    const n = url.searchParams.get('n')!;
    loads[n] = (loads[n] ?? 0) + 1;
  });
  return loads;
}

/** Content-Security-Policy violations the page reports: the placeholder must cause none. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { violations: string[] }).violations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

const placeholders = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

test('each embed waits behind a placeholder of its size, with the service name, its text and two buttons', async ({
  page,
}) => {
  const loads = countFrameLoads(page);
  const violations = await recordViolations(page);
  await page.goto('/embeds.html?checked');
  // The one in the HTML, the one a script built and the one inside a component's shadow root.
  await expect(placeholders(page, 'Bilibili')).toHaveCount(3);
  await expect(placeholders(page, 'Youku')).toHaveCount(1);
  const first = placeholders(page, 'Bilibili').first();
  await expect(first).toContainText('This content is hosted by Bilibili and may set cookies. Load it to continue.');
  await expect(first.getByRole('button', { name: 'Load content' })).toBeVisible();
  await expect(first.getByRole('button', { name: 'Manage preferences' })).toBeVisible();
  // The frame's box: 480 × 270 and the 2px border browsers give an iframe.
  const box = await page.locator('consent-embed').first().boundingBox();
  expect([box?.width, box?.height]).toEqual([484, 274]);
  expect(loads).toEqual({});
  expect(await violations()).toEqual([]);
});

test('"Load content" loads every embed of that service in place, once, and records the method "embed"', async ({
  page,
}) => {
  const loads = countFrameLoads(page);
  const violations = await recordViolations(page);
  await page.goto('/embeds.html?checked');
  await expect(placeholders(page, 'Bilibili')).toHaveCount(3);
  const before = await page.locator('consent-embed').first().boundingBox();
  const after = await page.locator('#after-video').boundingBox();
  await placeholders(page, 'Bilibili').first().getByRole('button', { name: 'Load content' }).click();
  await expect(page.locator('#video')).toHaveAttribute('src', '/embed-frame.html?n=markup');
  await expect.poll(() => ({ ...loads })).toEqual({ markup: 1, script: 1, shadow: 1 });
  // In place: the frame has the placeholder's box, and what follows it has not moved.
  expect(await page.locator('#video').boundingBox()).toEqual(before);
  expect(await page.locator('#after-video').boundingBox()).toEqual(after);
  // The other service still waits.
  await expect(placeholders(page, 'Youku')).toHaveCount(1);
  const state = await manager(page);
  expect(state?.method).toBe('embed');
  expect(state?.services?.video).toEqual({ bilibili: true, youku: false });
  // Nothing loads twice, whatever happens next on the page.
  await page.evaluate(() => document.body.append(document.createElement('p')));
  expect(loads).toEqual({ markup: 1, script: 1, shadow: 1 });
  expect(await violations()).toEqual([]);
});

test('withdrawing the service unloads its frames and brings the placeholders back', async ({ page }) => {
  const loads = countFrameLoads(page);
  await page.goto('/embeds.html?checked');
  await placeholders(page, 'Bilibili').first().getByRole('button', { name: 'Load content' }).click();
  await expect.poll(() => ({ ...loads })).toEqual({ markup: 1, script: 1, shadow: 1 });
  await page.evaluate(() => (window as unknown as { ConsentKit: { get(): Manager } }).ConsentKit.get().rejectAll());
  await expect(placeholders(page, 'Bilibili')).toHaveCount(3);
  await expect(page.locator('iframe')).toHaveCount(0);
  // Allowed again: each loads once more.
  await placeholders(page, 'Bilibili').first().getByRole('button', { name: 'Load content' }).click();
  await expect.poll(() => ({ ...loads })).toEqual({ markup: 2, script: 2, shadow: 2 });
});

test('the keyboard reaches "Load content", and Enter loads the content and moves focus to it', async ({ page }) => {
  await page.goto('/embeds.html?checked');
  const load = placeholders(page, 'Bilibili').first().getByRole('button', { name: 'Load content' });
  await load.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#video')).toBeFocused();
});

test('the placeholder is fetched only by a page with an embed that waits for the visitor', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (/consent-kit-place-placeholder-[\w-]+\.js$/.test(request.url())) fetched.push(new URL(request.url()).pathname);
  });
  await page.goto('/ui.html');
  await managerReady(page);
  await expect(page.getByRole('region', { name: 'Your privacy choices' })).toBeVisible();
  expect(fetched).toEqual([]);
  await page.goto('/embeds.html?checked');
  await placeholders(page, 'Youku').getByRole('button', { name: 'Load content' }).click();
  await placeholders(page, 'Bilibili').first().getByRole('button', { name: 'Load content' }).click();
  await expect(page.locator('consent-embed')).toHaveCount(0);
  expect(fetched).toHaveLength(1);
  // Every embed allowed: the next visit loads them at once, without the placeholder.
  await page.reload();
  await managerReady(page);
  await expect(page.locator('#video')).toHaveAttribute('src', '/embed-frame.html?n=markup');
  await expect(page.locator('#other')).toHaveAttribute('src', '/embed-frame.html?n=youku');
  expect(fetched).toHaveLength(1);
});

test('"Manage preferences" on a placeholder opens the preferences panel', async ({ page }) => {
  await page.goto('/embeds.html?checked');
  await placeholders(page, 'Youku').getByRole('button', { name: 'Manage preferences' }).click();
  await expect(page.getByRole('dialog', { name: 'Privacy preferences' })).toBeVisible();
});

for (const [locale, path] of [
  ['en', '/embeds.html?checked'],
  ['zh-CN', '/embeds-zh.html?checked'],
] as const) {
  test(`axe finds nothing wrong with the embed placeholder (${locale})`, async ({ page }) => {
    const violations = await recordViolations(page);
    // The committed pictures: one fixed size, light theme, no motion (as the banner's in ui.spec.ts).
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(path);
    const group = placeholders(page, texts[locale].name).first();
    await expect(group).toBeVisible();
    await expect(group.getByRole('button', { name: texts[locale].load })).toBeVisible();
    await expect(group.getByRole('button', { name: texts[locale].manage })).toBeVisible();
    const results = await new AxeBuilder({ page }).include('consent-embed').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await violations()).toEqual([]);
    const file = `embed-placeholder-${locale.toLowerCase()}.png`;
    await page
      .locator('consent-embed')
      .first()
      .screenshot({ path: `${SCREENSHOTS}/${file}` });
    if (README_SCREENSHOTS)
      await page
        .locator('consent-embed')
        .first()
        .screenshot({ path: `${README_SCREENSHOTS}/${file}` });
  });
}
