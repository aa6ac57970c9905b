import { readFile } from 'node:fs/promises';
import { managerReady } from './manager-ready.js';
import { PAGE_ORIGIN } from './origin.js';
import { withPageEndpoint } from './page-endpoint.js';
import { expect, test, type Page } from '@playwright/test';
import { allReceipts } from '../fixtures/all-receipts.js';

/*
 * What the privacy statement promises, on a page whose config each test writes into the address: every
 * visit is on the test server's origin, so the consent cookie carries over between them.
 */
type Config = Record<string, unknown>;
type State = {
  policyVersion: string;
  updatedAt: string;
  categories: Record<string, boolean>;
  contact: Record<string, Record<string, boolean>>;
  ageConfirmed?: boolean;
} | null;

async function visit(page: Page, config: Config, lang = 'en') {
  await page.goto(`/configured.html?${new URLSearchParams({ config: JSON.stringify(config), lang })}`);
  await expect(page.locator('h1')).toBeVisible();
}

const state = async (page: Page) => {
  await managerReady(page);
  return page.evaluate(() => (window as unknown as { ConsentKit: { get(): { state: State } } }).ConsentKit.get().state);
};
const has = async (page: Page, c: string) => {
  await managerReady(page);
  return page.evaluate(
    (id) => (window as unknown as { ConsentKit: { get(): { has(c: string): boolean } } }).ConsentKit.get().has(id),
    c,
  );
};
const banner = (page: Page) => page.getByRole('region', { name: 'Your privacy choices' });
const panel = (page: Page) => page.getByRole('dialog', { name: 'Privacy preferences' });
const ageBox = (page: Page) => page.getByLabel("I am 18 or older, or I have my guardian's consent");

const usTransfer = {
  id: 'us-transfer',
  separate: true,
  label: 'Transfer to the licensor in the United States',
  description: 'Your personal information may be transferred to our licensor in the United States and its affiliates.',
};
const base = (policy: Config = {}) => ({
  policy: { version: '2024-06', url: '/privacy.html', updated: '2024-06-01', ...policy },
  categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }, usTransfer],
});

test('a minor policy change keeps the choices; a substantial one asks again and says what changed', async ({
  page,
}) => {
  await visit(page, base());
  await page.getByRole('button', { name: 'Accept all' }).click();

  await visit(page, base({ version: '2024-08', updated: '2024-08-01' }));
  await expect(banner(page)).toBeHidden();
  expect(await has(page, 'analytics')).toBe(true);
  expect((await state(page))!.policyVersion).toBe('2024-06');

  const changes = 'Analytics data is now kept for 14 months instead of 26.';
  await visit(page, base({ version: '2025-01', updated: '2025-01-10', substantial: true, changes }));
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText(`What changed: ${changes}`);
  await expect(banner(page)).toContainText('Last updated January 10, 2025');
  expect(await has(page, 'analytics')).toBe(false);
  await page.getByRole('button', { name: 'Reject all' }).click();
  expect((await state(page))!.policyVersion).toBe('2025-01');
});

test('"Accept all" leaves every separate purpose off; its own switch turns it on', async ({ page }) => {
  await visit(page, base());
  await page.getByRole('button', { name: 'Accept all' }).click();
  expect(await has(page, 'analytics')).toBe(true);
  expect(await has(page, 'us-transfer')).toBe(false);

  await page.getByRole('link', { name: 'Cookie settings' }).click();
  const separate = panel(page).getByRole('region', { name: 'Separate consent' });
  await expect(separate).toContainText(usTransfer.description);
  await panel(page).getByRole('button', { name: 'Accept all' }).click();
  expect(await has(page, 'us-transfer')).toBe(false);

  await page.getByRole('link', { name: 'Cookie settings' }).click();
  await ageBox(page).check();
  await panel(page).getByRole('switch', { name: usTransfer.label }).click();
  await panel(page).getByRole('button', { name: 'Save choices' }).click();
  expect(await has(page, 'us-transfer')).toBe(true);
});

test('marketing contact waits for the age confirmation, which is recorded', async ({ page }) => {
  await visit(page, base());
  await page.getByRole('button', { name: 'Manage preferences' }).click();
  const offers = panel(page).getByRole('switch', {
    name: 'Email Information and offers about other products and services',
  });
  await expect(offers).toBeDisabled();
  await expect(panel(page).getByRole('switch', { name: 'Analytics' })).toBeEnabled();
  await ageBox(page).check();
  await offers.click();
  await panel(page).getByRole('button', { name: 'Save choices' }).click();
  const saved = (await state(page))!;
  expect(saved.ageConfirmed).toBe(true);
  expect(saved.contact.email!.offers).toBe(true);
  const refused = await page.evaluate(() => {
    const m = (window as unknown as { ConsentKit: { get(): { update(c: unknown): unknown } } }).ConsentKit.get();
    m.update({ ageConfirmed: false });
    try {
      m.update({ contact: { phone: { offers: true } } });
      return 'accepted';
    } catch (error) {
      return (error as Error).message;
    }
  });
  expect(refused).toContain("confirm being 18 or older, or having a guardian's consent");
  expect((await state(page))!.contact.email!.offers).toBe(false);
});

test('service communications are shown always on, with the reason, and cannot be switched', async ({ page }) => {
  await visit(page, base());
  await page.getByRole('button', { name: 'Manage preferences' }).click();
  const contact = panel(page).getByRole('region', { name: 'Contact preferences' });
  const service = contact.getByRole('listitem').filter({ hasText: 'Service communications' });
  await expect(service).toContainText('Always active');
  await expect(service).toContainText('You cannot unsubscribe from these');
  await expect(service.getByRole('switch')).toHaveCount(0);
  await expect(contact.getByRole('switch', { name: 'Phone Requests for your feedback and surveys' })).toBeVisible();
});

test('a decision expires after cookie.expiresDays and the visitor is asked again', async ({ page }) => {
  // The page's clock moves; the browser's cookie jar keeps real time, so the cookie itself is still there and
  // only the SDK's own expiry rule can bring the banner back.
  const start = Date.now();
  const day = 86_400_000;
  await page.clock.install({ time: start });
  const config = { ...base(), cookie: { expiresDays: 30 } };
  await visit(page, config);
  await page.getByRole('button', { name: 'Reject all' }).click();
  // The page's clock runs on from `start`, so a slow click is decided later than `start`: count from the record.
  const decided = Date.parse((await state(page))!.updatedAt);
  await page.clock.setSystemTime(decided + 29 * day);
  await visit(page, config);
  await expect(banner(page)).toBeHidden();
  await page.clock.setSystemTime(decided + 30 * day + 2000);
  await visit(page, config);
  await expect(banner(page)).toBeVisible();
  expect(await state(page)).toBeNull();
});

test('a full visit sends nothing anywhere but the site itself', async ({ page }) => {
  const hosts = new Set<string>();
  page.on('request', (request) => hosts.add(new URL(request.url()).host));
  await visit(page, { ...base(), locale: 'auto' }, 'zh-CN');
  await page.getByRole('button', { name: '管理偏好设置' }).click();
  await page.getByRole('combobox').selectOption('en');
  await panel(page).getByRole('switch', { name: 'Analytics' }).click();
  await panel(page).getByRole('button', { name: 'Save choices' }).click();
  await page.getByRole('link', { name: 'Cookie settings' }).click();
  await panel(page).getByRole('button', { name: 'Reject all' }).click();
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  expect([...hosts]).toEqual([new URL(PAGE_ORIGIN).host]);
});

test('"Delete my preference data" erases the record here and at the endpoint; "Download" gives the receipts', async ({
  page,
}) => {
  await withPageEndpoint(19, async ({ url, store }) => {
    const config = { ...base(), endpoint: url };
    await visit(page, config);
    await page.getByRole('button', { name: 'Accept all' }).click();
    const id = await page.evaluate(
      () => (window as unknown as { ConsentKit: { get(): { state: { id: string } } } }).ConsentKit.get().state.id,
    );
    await expect.poll(() => allReceipts(store, id).then((r) => r.length)).toBe(1);

    await page.getByRole('link', { name: 'Cookie settings' }).click();
    const downloading = page.waitForEvent('download');
    await panel(page).getByRole('button', { name: 'Download my consent record' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('consent-record.json');
    const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(file.decision.id).toBe(id);
    expect(file.receipts).toHaveLength(1);

    await panel(page).getByRole('button', { name: 'Delete my preference data' }).click();
    await expect(panel(page).getByText('You will be asked again.')).toBeVisible();
    await panel(page).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(panel(page)).toBeHidden();
    await expect(banner(page)).toBeVisible();
    expect(await state(page)).toBeNull();
    await expect.poll(() => store.read(id)).toBeNull();
  });
});
