import { expect, test, type BrowserContext } from '@playwright/test';
import { managerReady } from './manager-ready.js';
import { PAGE_ORIGIN, sidePort } from './origin.js';
import { pendingChanges } from './pending-changes.js';
import { createConsentHandler, type ConsentHandler } from '../../src/server/consent-handler.js';
import type { ConsentStore } from '../../src/server/consent-store.js';
import { serveEndpoint } from '../../src/server/serve-endpoint.js';
import { createSqliteStore } from '../../src/server/sqlite-store.js';
import { issueSubjectToken } from '../../src/server/subject-token.js';
import { allReceipts } from '../fixtures/all-receipts.js';

const SECRET = 'end-to-end-secret-of-at-least-32-characters';

type Manager = { state: { id: string; revision: number; categories: Record<string, boolean> } | null };
const pageState = async (page: import('@playwright/test').Page) => {
  await managerReady(page);
  return page.evaluate(() => (window as unknown as { ConsentKit: { get(): Manager } }).ConsentKit.get().state);
};

/** Only the test servers on 127.0.0.1 are reachable; anything else is aborted before it leaves. */
async function localOnly(context: BrowserContext) {
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort(),
  );
}

/** The real endpoint on an SQLite file in memory, on a fixed port the page is told about. */
async function startEndpoint(port: number, wrap: (handler: ConsentHandler) => ConsentHandler = (h) => h) {
  const store: ConsentStore = createSqliteStore(':memory:');
  const handler = await createConsentHandler({
    store,
    controller: { name: 'Online Services' },
    origins: [PAGE_ORIGIN],
    secret: SECRET,
    log: () => {},
  });
  const server = await serveEndpoint(wrap(handler), { port });
  return {
    store,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

test('endpoint answering 503 twice, then OK: the decision is stored exactly once', async ({ page, context }) => {
  await localOnly(context);
  const puts: number[] = [];
  const endpoint = await startEndpoint(sidePort(11), (handler) => async (request, connection) => {
    if (request.method !== 'PUT') return handler(request, connection);
    puts.push(puts.length + 1);
    if (puts.length <= 2)
      return new Response('{"error":"unavailable","message":"down"}', {
        status: 503,
        headers: { 'access-control-allow-origin': PAGE_ORIGIN },
      });
    return handler(request, connection);
  });
  try {
    await page.goto(`/sync.html?endpoint=${sidePort(11)}`);
    await page.getByRole('button', { name: 'Accept all' }).click();
    const state = await pageState(page);
    expect(state?.categories.analytics).toBe(true); // in force at once, before any answer

    await expect.poll(() => allReceipts(endpoint.store, state!.id).then((r) => r.length), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => pendingChanges(page)).toBe(0);
    expect(puts).toEqual([1, 2, 3]);
    expect((await endpoint.store.read(state!.id))?.record).toEqual(state);
  } finally {
    await endpoint.close();
  }
});

test('endpoint unreachable at decision time, page reloaded later with the endpoint up: the decision arrives', async ({
  page,
  context,
}) => {
  await localOnly(context);
  await page.goto(`/sync.html?endpoint=${sidePort(12)}`);
  await page.getByRole('button', { name: 'Reject all' }).click();
  const state = await pageState(page);
  expect(state?.categories.analytics).toBe(false);
  // The endpoint client is a chunk of its own: the change reaches the outbox once it has arrived.
  await expect.poll(() => pendingChanges(page)).toBe(1);

  const endpoint = await startEndpoint(sidePort(12));
  try {
    await page.reload();
    await expect.poll(() => endpoint.store.read(state!.id).then((s) => s?.record ?? null)).toEqual(state);
    await expect.poll(() => pendingChanges(page)).toBe(0);
    expect(await allReceipts(endpoint.store, state!.id)).toHaveLength(1);
  } finally {
    await endpoint.close();
  }
});

test('a decision made before the endpoint client arrived, tab closed at once: the next page sends it, exactly once', async ({
  page,
  context,
}) => {
  await localOnly(context);
  const puts: string[] = [];
  const endpoint = await startEndpoint(sidePort(14), (handler) => async (request, connection) => {
    if (request.method === 'PUT') puts.push(new URL(request.url).pathname);
    return handler(request, connection);
  });
  try {
    // On the first page the endpoint client's chunk never arrives: the request is left unanswered.
    await page.route('**/dist/consent-kit-browser-sync-*.js', () => {});
    await page.goto(`/sync.html?endpoint=${sidePort(14)}`);
    await page.getByRole('button', { name: 'Accept all' }).click();
    const state = await pageState(page);
    expect(state?.categories.analytics).toBe(true);
    await page.close();
    expect(puts).toEqual([]);

    const next = await context.newPage();
    await next.goto(`/sync.html?endpoint=${sidePort(14)}`);
    await expect.poll(() => endpoint.store.read(state!.id).then((s) => s?.record ?? null)).toEqual(state);
    await expect.poll(() => pendingChanges(next)).toBe(0);
    expect(puts).toEqual([`/v1/consents/${state!.id}`]);
    expect(await allReceipts(endpoint.store, state!.id)).toHaveLength(1);
    expect(await next.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('-handoff')))).toEqual([]);
  } finally {
    await endpoint.close();
  }
});

test("an account's choices follow it to another device: the inline panel there shows them", async ({ browser }) => {
  const endpoint = await startEndpoint(sidePort(13));
  const token = await issueSubjectToken(SECRET, 'account-7');
  const url = `/sync-account.html?endpoint=${sidePort(13)}&token=${token}`;
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  try {
    await localOnly(laptop);
    await localOnly(phone);
    const first = await laptop.newPage();
    await first.goto(url);
    await first.evaluate(() => (window as unknown as { identified: Promise<boolean> }).identified);
    const panel = first.locator('consent-preferences[inline]');
    await panel.getByRole('switch', { name: 'Analytics' }).click();
    // The banner bar covers the bottom of the page until a decision; the keyboard reaches the button anyway.
    await panel.getByRole('button', { name: 'Save choices' }).press('Enter');
    await expect
      .poll(() => endpoint.store.readOwned('account-7').then((s) => s?.record.categories.analytics ?? null))
      .toBe(true);

    const second = await phone.newPage();
    await second.goto(url);
    const elsewhere = second.locator('consent-preferences[inline]');
    await expect(elsewhere.getByRole('switch', { name: 'Analytics' })).toHaveAttribute('aria-checked', 'true');
    await expect(elsewhere.getByRole('switch', { name: 'Marketing' })).toHaveAttribute('aria-checked', 'false');
    expect((await pageState(second))?.id).toBe((await pageState(first))?.id);
  } finally {
    await laptop.close();
    await phone.close();
    await endpoint.close();
  }
});
