import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { managerReady } from './manager-ready.js';

const SCREENSHOTS = 'test-results/screenshots';
/**
 * The pictures of the banner in README.md and docs/ui.md: committed, so one fixed size, light theme, no
 * motion. Written only by `npm run screenshots`, so that `npm test` leaves the working tree as it found it.
 */
const README_SCREENSHOTS = process.env.README_SCREENSHOTS ? 'docs/screenshots' : undefined;
const README_VIEWPORT = { width: 1000, height: 600 };

type Manager = {
  state: {
    categories: Record<string, boolean>;
    contact: Record<string, Record<string, boolean>>;
    method: string;
  } | null;
  has(c: string): boolean;
};
const state = async (page: Page) => {
  await managerReady(page);
  return page.evaluate(() => (window as unknown as { ConsentKit: { get(): Manager } }).ConsentKit.get().state);
};

const texts = {
  en: {
    title: 'Your privacy choices',
    accept: 'Accept all',
    reject: 'Reject all',
    manage: 'Manage preferences',
    panel: 'Privacy preferences',
    save: 'Save choices',
  },
  'zh-CN': {
    title: '您的隐私选择',
    accept: '全部接受',
    reject: '全部拒绝',
    manage: '管理偏好设置',
    panel: '隐私偏好设置',
    save: '保存选择',
  },
} as const;

const banner = (page: Page, locale: keyof typeof texts = 'en') =>
  page.getByRole('region', { name: texts[locale].title });
const dialog = (page: Page, locale: keyof typeof texts = 'en') =>
  page.getByRole('dialog', { name: texts[locale].panel });

/** Whether the page scrolls sideways: the one thing a narrow or zoomed viewport must never need. */
/** Resolves two frames from now, once what a press or a load set off has had its turn. */
const afterTwoFrames = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function expectInsideViewport(page: Page, locator: Locator) {
  const box = (await locator.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width + 0.5);
}

async function axeViolations(page: Page) {
  // Colours are judged where the entrance ends: half-way through its fade, axe reads a text too faint.
  await page.evaluate(() =>
    Promise.all(
      [...document.querySelectorAll('consent-banner, consent-preferences')]
        .flatMap((element) => element.shadowRoot?.getAnimations() ?? [])
        .map((animation) => animation.finished),
    ),
  );
  const results = await new AxeBuilder({ page }).include('consent-banner').include('consent-preferences').analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [locale, path] of [
  ['en', '/ui.html'],
  ['zh-CN', '/ui-zh.html'],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds nothing wrong with the banner and the open panel (${locale}, ${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expect(banner(page, locale)).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/banner-${locale}-${colorScheme}.png` });
      if (colorScheme === 'light' && README_SCREENSHOTS) {
        const viewport = page.viewportSize()!;
        await page.setViewportSize(README_VIEWPORT);
        await expect(banner(page, locale)).toBeVisible();
        await page.screenshot({
          path: `${README_SCREENSHOTS}/banner-${locale.toLowerCase()}.png`,
          animations: 'disabled',
        });
        await page.setViewportSize(viewport);
      }
      await page.getByRole('button', { name: texts[locale].manage }).click();
      await expect(dialog(page, locale)).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/panel-${locale}-${colorScheme}.png` });
    });
  }
}

const services = {
  en: { analytics: 'Analytics', baidu: 'Baidu Tongji', clarity: 'Microsoft Clarity', signIn: 'Sign-in' },
  'zh-CN': { analytics: '分析', baidu: '百度统计', clarity: 'Microsoft Clarity', signIn: '登录' },
} as const;

for (const [locale, path] of [
  ['en', '/ui-services.html'],
  ['zh-CN', '/ui-services-zh.html'],
] as const) {
  test(`the panel shows each service with its own switch, a mixed category, and axe finds nothing wrong (${locale})`, async ({
    page,
  }) => {
    const names = services[locale];
    await page.goto(path);
    await page.getByRole('button', { name: texts[locale].manage }).click();
    await expect(dialog(page, locale)).toBeVisible();
    const category = page.getByRole('checkbox', { name: names.analytics, exact: true });
    await page.getByRole('switch', { name: names.baidu }).click();
    await expect(category).toHaveAttribute('aria-checked', 'mixed');
    await expect(page.getByRole('switch', { name: names.clarity })).toHaveAttribute('aria-checked', 'false');
    await expect(dialog(page, locale).getByText(names.signIn)).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/panel-services-${locale}.png` });
    await page.getByRole('button', { name: texts[locale].save }).click();
    await expect(dialog(page, locale)).toBeHidden();
    const saved = (await state(page)) as unknown as { services?: unknown };
    expect(saved.services).toEqual({ analytics: { clarity: false, 'baidu-tongji': true } });
  });
}

test('the page language zh-CN gives the Chinese banner with its exact button names', async ({ page }) => {
  await page.goto('/ui-zh.html');
  for (const name of ['全部接受', '全部拒绝', '管理偏好设置']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
});

test.describe('keyboard only', () => {
  test('Tab reaches the three banner buttons in reading order, each with a visible focus ring', async ({ page }) => {
    await page.goto('/ui.html');
    await expect(banner(page)).toBeVisible();
    const focusedName = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const style = el ? getComputedStyle(el) : undefined;
        return { name: el?.textContent?.trim(), outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '' };
      });
    const seen: string[] = [];
    for (let i = 0; i < 12 && seen.length < 3; i++) {
      await page.keyboard.press('Tab');
      const { name, outline } = await focusedName();
      if (name && ['Accept all', 'Reject all', 'Manage preferences'].includes(name)) {
        seen.push(name);
        expect(outline).toBe('solid 3px');
      }
    }
    expect(seen).toEqual(['Accept all', 'Reject all', 'Manage preferences']);
  });

  test('on a page with links and a form before its content, the first Tab lands in the banner and Accept and Reject are within 3 Tabs', async ({
    page,
  }) => {
    await page.goto('/keyboard.html');
    await expect(banner(page)).toBeVisible();
    // Nothing was focused on load: the banner waits for the visitor's first Tab instead of taking focus.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    const focused = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement;
        return { host: host?.localName, name: (inner ?? host)?.textContent?.trim() };
      });
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      const { host, name } = await focused();
      expect(host, `Tab ${i + 1} left the banner`).toBe('consent-banner');
      names.push(name ?? '');
    }
    expect(names).toEqual(expect.arrayContaining(['Accept all', 'Reject all']));
    await page.getByRole('button', { name: 'Reject all' }).click();
    await expect(banner(page)).toBeHidden();
    // Decided: the banner is out of the way, and the first Tab from the top reaches the page's own first link.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('home');
  });

  test('Enter opens the panel, Tab stays inside, Escape closes without saving and focus returns', async ({ page }) => {
    await page.goto('/ui.html');
    await page.getByRole('button', { name: 'Manage preferences' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await page.getByRole('switch', { name: 'Analytics' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('switch', { name: 'Analytics' })).toHaveAttribute('aria-checked', 'true');
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => document.activeElement?.tagName === 'CONSENT-PREFERENCES');
      expect(inside, `focus left the dialog after ${i + 1} Tab presses`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Manage preferences' })).toBeFocused();
    expect(await state(page)).toBeNull();
  });

  test('Space on "Reject all" decides', async ({ page }) => {
    await page.goto('/ui.html');
    await page.getByRole('button', { name: 'Reject all' }).focus();
    await page.keyboard.press('Space');
    await expect(banner(page)).toBeHidden();
    expect((await state(page))!.method).toBe('banner-reject-all');
  });
});

for (const [label, viewport] of [
  ['320 px wide', { width: 320, height: 640 }],
  ['200 % zoom (1280 × 800 at twice the size)', { width: 640, height: 400 }],
] as const) {
  test(`at ${label} nothing is cut off and nothing scrolls sideways`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/ui.html');
    await expect(banner(page)).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    for (const name of ['Accept all', 'Reject all', 'Manage preferences']) {
      const button = page.getByRole('button', { name });
      await button.scrollIntoViewIfNeeded();
      await expect(button).toBeInViewport();
      await expectInsideViewport(page, button);
    }
    await page.getByRole('button', { name: 'Manage preferences' }).click();
    await expect(dialog(page)).toBeVisible();
    await expectInsideViewport(page, dialog(page));
    const save = page.getByRole('button', { name: 'Save choices' });
    await save.scrollIntoViewIfNeeded();
    await expect(save).toBeInViewport();
    expect(await scrollsSideways(page)).toBe(false);
  });
}

test('saving from the panel stores categories and contact choices', async ({ page }) => {
  await page.goto('/ui.html');
  await page.getByRole('button', { name: 'Manage preferences' }).click();
  await page.getByRole('switch', { name: 'Analytics' }).click();
  await expect(page.getByRole('switch', { name: 'Email Requests for your feedback and surveys' })).toBeDisabled();
  await page.getByLabel("I am 18 or older, or I have my guardian's consent").check();
  await page.getByRole('switch', { name: 'Email Requests for your feedback and surveys' }).click();
  await page.getByRole('button', { name: 'Save choices' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(banner(page)).toBeHidden();
  const saved = (await state(page))!;
  expect(saved.method).toBe('preferences-save');
  expect(saved.categories).toEqual({ analytics: true, marketing: false });
  expect(saved.contact).toEqual({
    email: { offers: false, feedback: true },
    phone: { offers: false, feedback: false },
  });
  await page.reload();
  expect((await state(page))!.contact.email!.feedback).toBe(true);
});

test('a "Cookie settings" link with data-consent-open reopens the panel after a decision', async ({ page }) => {
  await page.goto('/ui.html');
  await page.getByRole('button', { name: 'Accept all' }).click();
  await page.reload();
  await expect(banner(page)).toBeHidden();
  await page.getByRole('link', { name: 'Cookie settings' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Analytics' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Reject all' }).click();
  await expect(dialog(page)).toBeHidden();
  expect((await state(page))!.categories.analytics).toBe(false);
});

test('the inline panel on an account page reflects a decision made in the banner', async ({ page }) => {
  await page.goto('/account.html');
  const inline = page.locator('consent-preferences[inline]');
  await expect(inline.getByRole('switch', { name: 'Analytics' })).toHaveAttribute('aria-checked', 'false');
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(inline.getByRole('switch', { name: 'Analytics' })).toHaveAttribute('aria-checked', 'true');
  await inline.getByRole('switch', { name: 'Marketing' }).click();
  await inline.getByRole('button', { name: 'Save choices' }).click();
  await expect(inline.getByRole('status')).toHaveText('Your choices have been saved.');
  expect((await state(page))!.categories).toEqual({ analytics: true, marketing: false });
});

test.describe('the preferences panel is fetched only when needed', () => {
  const PANEL_CHUNK = /\/dist\/consent-kit-consent-preferences-[\w-]+\.js$/;
  /** Every script file the page requests, by path. */
  const scriptsOf = (page: Page) => {
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    return scripts;
  };

  test('a visit that only answers the banner, with a checked config, downloads the script tag and nothing else', async ({
    page,
  }) => {
    const scripts = scriptsOf(page);
    await page.goto('/ui.html?checked');
    await page.getByRole('button', { name: 'Accept all' }).click();
    await expect(banner(page)).toBeHidden();
    await page.reload();
    await page.getByRole('link', { name: 'Cookie settings' }).waitFor();
    await afterTwoFrames(page);
    expect(scripts).toEqual(['/dist/consent-kit.iife.js', '/dist/consent-kit.iife.js']);
  });

  test('"Manage preferences" fetches the panel once, from next to the script, and opens it with focus inside', async ({
    page,
  }) => {
    const scripts = scriptsOf(page);
    await page.goto('/ui.html');
    await page.getByRole('button', { name: 'Manage preferences' }).click();
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).getByRole('heading', { name: 'Privacy preferences' })).toBeFocused();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Manage preferences' }).click();
    await expect(dialog(page)).toBeVisible();
    expect(scripts.filter((path) => PANEL_CHUNK.test(path))).toHaveLength(1);
  });

  test('"Manage preferences" fetches the panel and the index of languages it imports side by side, not one after the other', async ({
    page,
  }) => {
    let isIndexRequested = false;
    let isIndexRequestedBeforePanelArrived = false;
    let releasePanel = () => {};
    const indexRequested = new Promise<void>((resolve) => {
      releasePanel = resolve;
    });
    page.on('request', (request) => {
      if (/\/consent-kit-language-index\.js$/.test(new URL(request.url()).pathname)) {
        isIndexRequested = true;
        releasePanel();
      }
    });
    // The panel's answer waits for the index to be asked for, for 2 s at most: fetched one after the other,
    // the index would only be asked for once the panel had arrived.
    await page.route(PANEL_CHUNK, async (route) => {
      await Promise.race([indexRequested, new Promise((resolve) => setTimeout(resolve, 2000))]);
      isIndexRequestedBeforePanelArrived = isIndexRequested;
      await route.continue();
    });
    await page.goto('/ui.html');
    await page.getByRole('button', { name: 'Manage preferences' }).click();
    await expect(dialog(page)).toBeVisible();
    expect(isIndexRequestedBeforePanelArrived).toBe(true);
  });

  for (const [opener, find] of [
    ['"Manage preferences"', (page: Page) => page.getByRole('button', { name: 'Manage preferences' })],
    ['a [data-consent-open] link', (page: Page) => page.getByRole('link', { name: 'Cookie settings' })],
  ] as const) {
    test(`pressing ${opener} starts fetching the panel before the click; hovering does not`, async ({ page }) => {
      const panelRequests: string[] = [];
      page.on(
        'request',
        (request) => PANEL_CHUNK.test(new URL(request.url()).pathname) && panelRequests.push(request.url()),
      );
      await page.goto('/ui.html');
      await managerReady(page);
      await find(page).hover();
      await afterTwoFrames(page);
      expect(panelRequests).toEqual([]);
      await page.mouse.down();
      await expect.poll(() => panelRequests.length).toBe(1);
      await expect(dialog(page)).toBeHidden();
      await page.mouse.up();
      await expect(dialog(page)).toBeVisible();
      expect(panelRequests).toHaveLength(1);
    });
  }

  test('a panel that failed to download says so on the console and opens on the next try', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    let refusals = 1;
    await page.route(PANEL_CHUNK, (route) => (refusals-- > 0 ? route.abort() : route.continue()));
    await page.goto('/ui.html');
    await page.getByRole('button', { name: 'Manage preferences' }).click();
    await expect.poll(() => errors.join('\n')).toContain('consent-kit: the preferences panel could not be loaded');
    await expect(dialog(page)).toBeHidden();
    await page.getByRole('button', { name: 'Manage preferences' }).click();
    await expect(dialog(page)).toBeVisible();
  });

  test('an inline panel a page adds after loading is fetched and rendered', async ({ page }) => {
    await page.goto('/ui.html');
    await expect(banner(page)).toBeVisible();
    await page.evaluate(() => {
      const section = document.createElement('section');
      section.innerHTML = '<consent-preferences inline></consent-preferences>';
      document.querySelector('main')!.append(section);
    });
    await expect(
      page.locator('consent-preferences[inline]').getByRole('switch', { name: 'Analytics' }),
    ).toHaveAttribute('aria-checked', 'false');
  });
});

test('works under a strict Content-Security-Policy with Trusted Types, with no violation', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`));
  });
  const response = await page.goto('/strict-csp.html');
  expect(response!.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
  await expect(banner(page)).toBeVisible();
  await page.getByRole('button', { name: 'Manage preferences' }).click();
  await page.getByRole('switch', { name: 'Analytics' }).click();
  await page.getByRole('button', { name: 'Save choices' }).click();
  expect((await state(page))!.categories.analytics).toBe(true);
  expect(problems).toEqual([]);
});

test('a label written as HTML shows literally and runs nothing', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await page.goto('/xss-label.html');
  await page.getByRole('button', { name: 'Manage preferences' }).click();
  await expect(page.getByRole('switch', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await expect(dialog(page).getByText('<script>alert(2)</script>')).toBeVisible();
  expect(
    await page.locator('consent-preferences').evaluate((el) => el.shadowRoot!.querySelectorAll('img, script').length),
  ).toBe(0);
  expect(dialogs).toBe(0);
});

test('the banner adds no layout shift to a content page', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { cls: number }).cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        (window as unknown as { cls: number }).cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/ui.html');
  await expect(banner(page)).toBeVisible();
  await page.getByRole('button', { name: 'Manage preferences' }).click();
  await dialog(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(banner(page)).toBeHidden();
  // Layout-shift entries are delivered after the frame that caused them; wait for two frames before reading.
  const cls = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve((window as unknown as { cls: number }).cls))),
      ),
  );
  expect(cls).toBe(0);
});

test('in forced colors (Windows high contrast) buttons keep visible borders and focus stays visible', async ({
  page,
}) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/ui.html');
  const accept = page.getByRole('button', { name: 'Accept all' });
  await accept.focus();
  const style = await accept.evaluate((el) => {
    const s = getComputedStyle(el);
    return { border: `${s.borderTopStyle} ${s.borderTopWidth}`, outline: `${s.outlineStyle} ${s.outlineWidth}` };
  });
  expect(style).toEqual({ border: 'solid 2px', outline: 'solid 3px' });
  expect(await axeViolations(page)).toEqual([]);
});

test('the banner slides in only when the visitor has not asked for reduced motion', async ({ page }) => {
  const animationOf = () => banner(page).evaluate((el) => getComputedStyle(el).animationName);
  await page.goto('/ui.html');
  expect(await animationOf()).toBe('rise');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await animationOf()).toBe('none');
});
