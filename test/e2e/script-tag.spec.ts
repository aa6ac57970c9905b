import { expect, test, type Page } from '@playwright/test';
import { managerReady } from './manager-ready.js';
import { PAGE_ORIGIN } from './origin.js';
import { stampOf } from '../../src/core/checked-config.js';

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
const has = async (page: Page, category: string) => {
  await managerReady(page);
  return page.evaluate((c) => window.ConsentKit.get()!.has(c), category);
};

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
  await managerReady(page); // the config is validated once the validator has arrived
  await expect.poll(() => consoleErrors.length).toBe(1);
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
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
  );
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Accept all' }).click();
  expect(await has(page, 'analytics')).toBe(true);
  expect(await has(page, 'marketing')).toBe(false);
});

test("the decision is read outside the script's own evaluation, yet before the page's next script, which sees it", async ({
  page,
}) => {
  // The stack of every read of document.cookie. A read while the script's top level (and the function that
  // wraps the whole bundle) is on the stack makes a stack capture there (DevTools, stack-trace reports)
  // parse the whole bundle again for its source positions: milliseconds of main-thread time.
  await page.addInitScript(() => {
    Error.stackTraceLimit = Number.POSITIVE_INFINITY;
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    const stacks: string[] = [];
    (window as unknown as { cookieReads: string[] }).cookieReads = stacks;
    Object.defineProperty(Document.prototype, 'cookie', {
      ...cookie,
      get(this: Document) {
        stacks.push(new Error().stack ?? '');
        return cookie.get!.call(this);
      },
    });
  });
  // A frame of no function in the script: its top level, or the function around the bundle.
  const unnamedFrame = /^\s+at \S+\/consent-kit\.iife\.js:\d+:\d+$/m;
  for (const path of ['/boot-order.html', '/boot-order.html?checked']) {
    await page.context().clearCookies();
    await page.goto(path);
    await page.getByRole('button', { name: 'Accept all' }).click();
    await page.reload();
    const seen = await page.evaluate(() => ({
      next: (window as unknown as { seenByNextScript: unknown }).seenByNextScript,
      reads: (window as unknown as { cookieReads: string[] }).cookieReads,
    }));
    expect(seen.next, path).toEqual({ started: true, analytics: true });
    const ours = seen.reads.filter((stack) => stack.includes('/consent-kit.iife.js'));
    expect(ours.length, path).toBeGreaterThan(0);
    expect(
      ours.filter((stack) => unnamedFrame.test(stack)),
      path,
    ).toEqual([]);
  }
});

test.describe('configs checked ahead of time', () => {
  const VALIDATOR = /^\/dist\/consent-kit-script-tag-validator-[\w-]+\.js$/;
  const HINT =
    /validated in the browser.*\n(<script type="application\/json" data-consent-kit data-checked=.*<\/script>)$/s;
  /** Script paths the page requests and its console.info lines. */
  function record(page: Page) {
    const scripts: string[] = [];
    const infos: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    page.on('console', (m) => m.type() === 'info' && infos.push(m.text()));
    return { scripts, infos };
  }

  test('a checked config, and an unchecked one of the common fields only (the quick start), start without the validator', async ({
    page,
  }) => {
    for (const path of ['/index.html?checked', '/index.html']) {
      const seen = record(await page.context().newPage());
      const visit = page.context().pages().at(-1)!;
      await visit.goto(path);
      await expect(banner(visit)).toBeVisible();
      expect(await has(visit, 'analytics')).toBe(false);
      expect(seen.scripts, path).toEqual(['/dist/consent-kit.iife.js']);
      expect(seen.infos, path).toEqual([]);
    }
  });

  test('an unchecked config with fields beyond the common ones fetches the validator once and prints the checked tag to use', async ({
    page,
    request,
  }) => {
    const seen = record(page);
    await page.goto('/ui.html'); // its categories carry a cookie table
    await expect(banner(page)).toBeVisible();
    expect(seen.scripts.filter((path) => VALIDATOR.test(path))).toHaveLength(1);
    await expect.poll(() => seen.infos.length).toBe(1);
    // The tag it offers is the very one `consent-kit config` writes for this page's config.
    const offered = HINT.exec(seen.infos[0]!)![1]!;
    expect(await (await request.get('/ui.html?checked')).text()).toContain(offered);
  });

  test('a stamp set by hand on an invalid config lets nothing through: the config is validated and its errors named', async ({
    page,
  }) => {
    const text = JSON.stringify({ policy: { version: '1', url: '/privacy.html' }, categories: 'all' });
    const { pageErrors, consoleErrors } = watch(page);
    await page.route('**/hand-stamped.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body:
          `<!doctype html><title>x</title><script type="application/json" data-consent-kit data-checked="${stampOf(text)}">${text}</script>` +
          '<script src="/dist/consent-kit.iife.js"></script><h1>Hand-stamped</h1>',
      }),
    );
    await page.goto('/hand-stamped.html');
    await managerReady(page);
    await expect.poll(() => consoleErrors.join('\n')).toMatch(/categories: expected array, received string/);
    expect(pageErrors).toEqual([]);
    expect(await has(page, 'analytics')).toBe(false);
  });

  test('a checked config edited by hand is validated in the page, and its edit applies', async ({ page }) => {
    const seen = record(page);
    await page.route('**/index.html?checked', async (route) => {
      const html = await (await route.fetch()).text();
      await route.fulfill({ contentType: 'text/html', body: html.replace('"layout":"bar"', '"layout":"box"') });
    });
    await page.goto('/index.html?checked');
    await expect(banner(page)).toBeVisible();
    expect(seen.scripts.filter((path) => VALIDATOR.test(path))).toHaveLength(1);
    await expect(page.locator('consent-banner section.box')).toBeVisible();
  });
});

test('on the script tag, init() fetches the validator and resolves to the manager; whenReady() waits for it', async ({
  page,
}) => {
  // A page with the script and no config tag: it is started by hand.
  await page.route('**/no-config.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>x</title><script src="/dist/consent-kit.iife.js"></script>',
    }),
  );
  await page.goto('/no-config.html');
  const result = await page.evaluate(async () => {
    const kit = (
      window as unknown as {
        ConsentKit: {
          init(c: unknown): Promise<{ has(c: string): boolean }>;
          whenReady(): Promise<unknown>;
          get(): unknown;
        };
      }
    ).ConsentKit;
    const ready = kit.whenReady();
    const returned = kit.init({ policy: { version: '1', url: '/privacy.html' } });
    const manager = await returned;
    return {
      isPromise: returned instanceof Promise,
      same: (await ready) === manager && kit.get() === manager,
      analytics: manager.has('analytics'),
    };
  });
  expect(result).toEqual({ isPromise: true, same: true, analytics: false });
});

test('served from another origin with no crossorigin attribute, the script fetches its chunks from next to itself', async ({
  page,
}) => {
  const { pageErrors } = watch(page);
  const chunkOrigins = new Set<string>();
  page.on('request', (r) => /\/consent-kit-[\w-]+\.js$/.test(r.url()) && chunkOrigins.add(new URL(r.url()).origin));
  await page.goto('/cross-origin-script.html');
  await expect(banner(page)).toBeVisible(); // the validator arrived
  await page.getByRole('button', { name: 'Manage preferences' }).click();
  await expect(page.getByRole('dialog', { name: 'Privacy preferences' })).toBeVisible(); // and the panel
  expect([...chunkOrigins]).toEqual([PAGE_ORIGIN.replace('127.0.0.1', 'localhost')]);
  expect(pageErrors).toEqual([]);
});

test('a config validated in the page has the validator and what it imports (zod, the preset lists) fetched side by side', async ({
  page,
}) => {
  const VALIDATOR = /\/consent-kit-script-tag-validator-[\w-]+\.js$/;
  const ITS_IMPORTS = [/\/consent-kit-validation-[\w-]+\.js$/, /\/consent-kit-preset-services-[\w-]+\.js$/];
  const asked = new Set<RegExp>();
  let releaseValidator = () => {};
  const allAsked = new Promise<void>((resolve) => {
    releaseValidator = resolve;
  });
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    for (const chunk of ITS_IMPORTS) if (chunk.test(path)) asked.add(chunk);
    if (asked.size === ITS_IMPORTS.length) releaseValidator();
  });
  // The validator's answer waits until its imports were asked for, 2 s at most: fetched one after the other,
  // they would only be asked for once it had arrived.
  let askedBeforeValidatorArrived = 0;
  await page.route(VALIDATOR, async (route) => {
    await Promise.race([allAsked, new Promise((resolve) => setTimeout(resolve, 2000))]);
    askedBeforeValidatorArrived = asked.size;
    await route.continue();
  });
  // `texts` is beyond the common fields: the config is validated in the page.
  const config = {
    policy: { version: '2024-06', url: '/privacy.html' },
    texts: { en: { title: 'Your privacy choices' } },
  };
  await page.goto(`/configured.html?${new URLSearchParams({ config: JSON.stringify(config) })}`);
  await expect(banner(page)).toBeVisible();
  expect(askedBeforeValidatorArrived).toBe(ITS_IMPORTS.length);
});
