import { expect, test, type Page, type Request } from '@playwright/test';
import { withPageEndpoint } from './page-endpoint.js';
import { allReceipts } from '../fixtures/all-receipts.js';

/*
 * Languages on a page of the script-tag build: the page's <html lang> picks one, a language that does not
 * come with the script is fetched as its own chunk, and the panel switches both elements.
 */
type Config = Record<string, unknown>;
const base: Config = { policy: { version: '2024-06', url: '/privacy.html', updated: '2024-06-01' } };

async function visit(page: Page, lang: string, config: Config = base) {
  await page.goto(`/configured.html?${new URLSearchParams({ config: JSON.stringify(config), lang })}`);
  await expect(page.locator('h1')).toBeVisible();
}

/** The consent-kit chunks the page fetches from now on, by file name. */
function chunksFetched(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request: Request) => {
    const name = new URL(request.url()).pathname.split('/').pop()!;
    if (name.startsWith('consent-kit-')) names.push(name);
  });
  return names;
}

const language = (name: string) => name.replace(/^consent-kit-/, '').replace(/(-[\w-]{8})?\.js$/, '');

test('<html lang="zh-HK"> shows the banner in Traditional Chinese, fetching that language and no other', async ({
  page,
}) => {
  const fetched = chunksFetched(page);
  await visit(page, 'zh-HK');
  const banner = page.getByRole('region', { name: '您的隱私選擇' });
  await expect(banner).toBeVisible();
  for (const name of ['全部接受', '全部拒絕', '管理偏好設定'])
    await expect(banner.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(banner).toContainText('最後更新：2024年6月1日');
  expect(fetched.map(language).sort()).toEqual(['language-index', 'zh-hant']);
  await expect(page.locator('consent-banner')).toHaveAttribute('lang', 'zh-Hant');
});

for (const [chunk, said] of [
  ['language-index', 'the index of languages could not be loaded'],
  ['ja', 'the ja strings could not be loaded'],
] as const) {
  test(`when the ${chunk} chunk cannot be fetched, the banner shows in English and the console says why`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.route(new RegExp(`/consent-kit-${chunk}(-[\\w-]{8})?\\.js$`), (route) => route.abort());
    await visit(page, 'ja');
    await expect(page.getByRole('region', { name: 'Your privacy choices' })).toBeVisible();
    // Said once, however many times the elements rendered while it was being fetched.
    expect(
      errors.filter((text) => text.includes(said)),
      errors.join('\n'),
    ).toHaveLength(1);
  });
}

test('an English page fetches no language at all', async ({ page }) => {
  const fetched = chunksFetched(page);
  await visit(page, 'en');
  await expect(page.getByRole('region', { name: 'Your privacy choices' })).toBeVisible();
  expect(fetched).toEqual([]);
});

test('a visitor who has decided downloads no language on later pages, unless the reopen button is shown', async ({
  page,
}) => {
  await visit(page, 'ja');
  await page.getByRole('button', { name: 'すべて拒否する' }).click();
  const fetched = chunksFetched(page);
  await visit(page, 'ja');
  await expect(page.locator('consent-banner')).toHaveAttribute('lang', 'ja');
  expect(fetched).toEqual([]);
  await visit(page, 'ja', { ...base, reopenButton: true });
  await expect(page.getByRole('button', { name: 'Cookie の設定' })).toBeVisible();
  expect(fetched.map(language).sort()).toEqual(['ja', 'language-index']);
});

test('<html lang="ar"> shows a mirrored banner, right to left, with no sideways scrolling at 320 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await visit(page, 'ar');
  const banner = page.getByRole('region', { name: 'خياراتك المتعلقة بالخصوصية' });
  await expect(banner).toBeVisible();
  await expect(page.locator('consent-banner')).toHaveAttribute('dir', 'rtl');
  const accept = (await banner.getByRole('button', { name: 'قبول الكل' }).boundingBox())!;
  const reject = (await banner.getByRole('button', { name: 'رفض الكل' }).boundingBox())!;
  expect(accept.x, 'the first button sits on the right').toBeGreaterThan(reject.x);
  // The heading's text, not its box (a block as wide as the banner), hugs the right edge.
  const gaps = await page.evaluate(() => {
    const heading = document.querySelector('consent-banner')!.shadowRoot!.querySelector('h2')!;
    const range = document.createRange();
    range.selectNodeContents(heading);
    const [text, box] = [range.getBoundingClientRect(), heading.getBoundingClientRect()];
    return { left: text.left - box.left, right: box.right - text.right };
  });
  expect(gaps.right).toBeLessThan(1);
  expect(gaps.left).toBeGreaterThan(gaps.right);
  const region = (await banner.boundingBox())!;
  expect(region.x).toBeGreaterThanOrEqual(0);
  expect(region.x + region.width).toBeLessThanOrEqual(320);
  expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(
    false,
  );
});

test('switching language in the panel fetches that one language and speaks it in the panel and the banner', async ({
  page,
}) => {
  await visit(page, 'en');
  await page.getByRole('button', { name: 'Manage preferences' }).click();
  const panel = page.getByRole('dialog', { name: 'Privacy preferences' });
  await expect(panel).toBeVisible();
  const fetched = chunksFetched(page);
  await panel.getByLabel('Language').selectOption('ja');
  await expect(page.getByRole('dialog', { name: 'プライバシーの設定' })).toBeVisible();
  await expect(page.locator('consent-banner').locator('h2')).toHaveText('プライバシーに関する選択');
  await expect(page.locator('consent-banner')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('consent-preferences')).toHaveAttribute('lang', 'ja');
  expect(fetched.map(language)).toEqual(['ja']);
});

test('the receipt records the language the visitor was shown, their own pick in the panel included', async ({
  page,
}) => {
  await withPageEndpoint(23, async ({ url, store }) => {
    await visit(page, 'de', { ...base, endpoint: url });
    await page
      .getByRole('region', { name: 'Ihre Datenschutzoptionen' })
      .getByRole('button', { name: 'Alle ablehnen' })
      .click();
    const id = await page.evaluate(
      () => (window as unknown as { ConsentKit: { get(): { state: { id: string } } } }).ConsentKit.get().state.id,
    );
    await expect
      .poll(() => allReceipts(store, id).then((r) => r.map((s) => s.receipt.notice.language)))
      .toEqual(['de']);

    await page.getByRole('link', { name: 'Cookie settings' }).click();
    const panel = page.getByRole('dialog', { name: 'Datenschutzeinstellungen' });
    await panel.getByLabel('Sprache').selectOption('fr');
    await page
      .getByRole('dialog', { name: 'Préférences de confidentialité' })
      .getByRole('button', { name: 'Tout accepter' })
      .click();
    await expect
      .poll(() => allReceipts(store, id).then((r) => r.map((s) => s.receipt.notice.language)))
      .toEqual(['de', 'fr']);
  });
});
