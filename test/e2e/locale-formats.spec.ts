import { expect, test } from '@playwright/test';
import { managerReady } from './manager-ready.js';

/*
 * A page's first Intl call starts the browser's ICU: 12 ms and more of main thread in a new renderer, paid on
 * the banner's path, between a click and the panel, or before a decided page's next script. In the languages
 * that come with the script, nothing a visitor goes through calls it: the banner's date, the panel's numbers
 * and the policy version a decided visit is checked against are all written without it.
 */
const PAGES = [
  { path: '/ui.html', date: 'June 1, 2024', count: 'Cookies used (1)', age: 'I am 18 or older' },
  { path: '/ui-zh.html', date: '2024年6月1日', count: '使用的 Cookie（1）', age: '我已年满 18 周岁' },
];

type IntlWindow = { intlCalls: string[]; ConsentKit: { get(): { state: unknown } } };

for (const { path, date, count, age } of PAGES) {
  test(`${path}: the banner, the panel, a save and a decided visit with reconsentBefore start no Intl`, async ({
    page,
  }) => {
    // The page's config asks again every decision older than 2024-01, so the decided visit compares versions.
    await page.route(`**${path}`, async (route) => {
      const body = (await (await route.fetch()).text()).replace(
        '"updated": "2024-06-01"',
        '"updated": "2024-06-01", "reconsentBefore": "2024-01"',
      );
      await route.fulfill({ contentType: 'text/html', body });
    });
    await page.addInitScript(() => {
      const calls: string[] = [];
      (window as unknown as IntlWindow).intlCalls = calls;
      const entries: [object, string][] = [
        [Number.prototype, 'toLocaleString'],
        [Date.prototype, 'toLocaleString'],
        [Date.prototype, 'toLocaleDateString'],
        [Date.prototype, 'toLocaleTimeString'],
        [String.prototype, 'localeCompare'],
        [String.prototype, 'toLocaleLowerCase'],
        [String.prototype, 'toLocaleUpperCase'],
      ];
      for (const [prototype, name] of entries) {
        const original = (prototype as Record<string, (...args: unknown[]) => unknown>)[name]!;
        Object.defineProperty(prototype, name, {
          configurable: true,
          writable: true,
          value(this: unknown, ...args: unknown[]) {
            calls.push(name);
            return original.apply(this, args);
          },
        });
      }
      for (const name of Object.getOwnPropertyNames(Intl)) {
        const member = (Intl as unknown as Record<string, unknown>)[name];
        if (typeof member !== 'function') continue;
        (Intl as unknown as Record<string, unknown>)[name] = new Proxy(member, {
          construct(target, args, newTarget) {
            calls.push(`Intl.${name}`);
            return Reflect.construct(target, args, newTarget);
          },
          apply(target, self, args) {
            calls.push(`Intl.${name}`);
            return Reflect.apply(target, self, args);
          },
        });
      }
    });
    const intlCalls = () => page.evaluate(() => (window as unknown as IntlWindow).intlCalls);

    await page.goto(path);
    const banner = page.locator('consent-banner');
    await expect(banner).toContainText(date);
    await banner.locator('[part~="button-manage"]').click();
    const panel = page.locator('consent-preferences');
    await expect(panel).toContainText(count);
    await expect(panel).toContainText(age);
    await panel.locator('[part~="button-save"]').click();
    await expect(banner.locator('[part~="button-accept"]')).toBeHidden();
    expect(await intlCalls()).toEqual([]);

    await page.reload();
    await managerReady(page);
    expect(await page.evaluate(() => (window as unknown as IntlWindow).ConsentKit.get().state)).not.toBeNull();
    await expect(banner.locator('[part~="button-accept"]')).toBeHidden();
    expect(await intlCalls()).toEqual([]);
  });
}
