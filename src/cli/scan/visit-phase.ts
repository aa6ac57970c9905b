import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Classified, CookieEntry, Phase, StorageEntry } from './scan-report.js';
import { watchTraffic, type TrafficWatch } from './watch-traffic.js';

/** How long a visit may take. */
export interface VisitTimes {
  /** Bound on loading the page and on waiting for the banner's buttons. */
  timeoutMs: number;
  /** Bound on waiting for the network to go quiet after a load. */
  idleMs: number;
}

/** An entry as seen, before the config classifies it. */
type Observed<T> = Omit<T, keyof Classified>;

/** What one visit saw, before the config is applied to it. */
export interface Visit {
  hosts: { host: string; url: string }[];
  cookies: Observed<CookieEntry>[];
  storage: Observed<StorageEntry>[];
  /** Whether consent-kit's banner showed its buttons on the first load. */
  banner: boolean;
  /** The text of the page's first consent-kit config tag, if it has one. */
  configText: string | undefined;
}

const CONFIG_TAG = 'script[type="application/json"][data-consent-kit]';
/** The banner's buttons, by the parts it documents (`button-reject`, `button-accept`), inside its shadow root. */
const bannerButton = (decision: 'reject' | 'accept') => `consent-banner [part~="button-${decision}"]`;

/**
 * Visits `url` in a fresh context (no cookies, no storage). For `before` it loads the page and records what
 * is there once the network is quiet; for `reject` and `accept` it then clicks the banner's button, reloads
 * and records, with hosts counted from the click on. Returns `undefined` for those two when the page shows
 * no consent-kit banner. Throws when the page does not load or the banner does not take the click.
 */
export async function visitPhase(
  browser: Browser,
  url: string,
  phase: Phase,
  times: VisitTimes,
): Promise<Visit | undefined> {
  // Service workers blocked, so that every request the page makes passes the route that records it.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const traffic = await watchTraffic(context, new URL(url).host);
    const page = await context.newPage();
    // A URL that redirects (example.com to www.example.com) has the host it lands on as its own, from the moment it commits.
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && /^https?:/.test(frame.url())) traffic.movePage(new URL(frame.url()).host);
    });
    await page.goto(url, { waitUntil: 'load', timeout: times.timeoutMs });
    await settle(page, times.idleMs);
    const banner = await hasBanner(page, times.timeoutMs);
    const configText = await configTextOf(page);
    if (phase !== 'before') {
      if (!banner) return undefined;
      traffic.forgetHosts();
      await decide(page, phase, times.timeoutMs);
      await page.reload({ waitUntil: 'load', timeout: times.timeoutMs });
      await settle(page, times.idleMs);
    }
    return {
      hosts: traffic.hosts(),
      cookies: await cookiesOf(context, traffic),
      storage: await storageOf(page),
      banner,
      configText,
    };
  } finally {
    await context.close();
  }
}

/** Waits, within `idleMs`, for half a second without requests: what the page does right after loading. */
async function settle(page: Page, idleMs: number): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: idleMs }).catch(() => {});
}

/** The text of the page's first config tag, as consent-kit reads it (auto.ts), or `undefined` without one. */
async function configTextOf(page: Page): Promise<string | undefined> {
  const tag = page.locator(CONFIG_TAG).first();
  return (await tag.count()) > 0 ? ((await tag.textContent()) ?? '') : undefined;
}

/** Whether consent-kit's banner shows its buttons within `timeoutMs`; at once `false` on a page without one. */
async function hasBanner(page: Page, timeoutMs: number): Promise<boolean> {
  if ((await page.locator('consent-banner').count()) === 0) return false;
  return page
    .locator(bannerButton('reject'))
    .waitFor({ state: 'visible', timeout: timeoutMs })
    .then(
      () => true,
      () => false,
    );
}

/** Clicks "Reject all" or "Accept all" and waits until the banner has gone, i.e. the decision is kept. */
async function decide(page: Page, decision: 'reject' | 'accept', timeoutMs: number): Promise<void> {
  const button = page.locator(bannerButton(decision));
  try {
    await button.click({ timeout: timeoutMs });
    await button.waitFor({ state: 'hidden', timeout: timeoutMs });
  } catch {
    throw new Error(
      `the banner's "${decision === 'reject' ? 'Reject all' : 'Accept all'}" button did not take the click within ${timeoutMs} ms`,
    );
  }
}

async function cookiesOf(context: BrowserContext, traffic: TrafficWatch): Promise<Observed<CookieEntry>[]> {
  await traffic.settled();
  return (await context.cookies()).map(({ name, domain, path }) => ({
    name,
    domain,
    path,
    setBy: traffic.isSetByHttp(name, domain) ? 'http' : 'script',
  }));
}

/** Storage keys and IndexedDB database names of each frame's origin; frames that refuse storage give none. */
async function storageOf(page: Page): Promise<Observed<StorageEntry>[]> {
  const found = new Map<string, Observed<StorageEntry>>();
  for (const frame of page.frames()) {
    const seen = await frame.evaluate(readStorage).catch(() => undefined);
    if (!seen || seen.origin === 'null') continue;
    for (const [kind, names] of Object.entries(seen.names) as [StorageEntry['kind'], string[]][]) {
      for (const name of names) found.set(`${seen.origin} ${kind} ${name}`, { origin: seen.origin, kind, name });
    }
  }
  return [...found.values()];
}

/** Runs in the frame: its origin and the names it holds, each store read on its own so one refusal spares the rest. */
async function readStorage(): Promise<{ origin: string; names: Record<StorageEntry['kind'], string[]> }> {
  const keysOf = (store: () => Storage) => {
    try {
      return Object.keys(store());
    } catch {
      return [];
    }
  };
  const databases = await Promise.resolve()
    .then(() => indexedDB.databases())
    .then(
      (list) => list.flatMap((db) => (db.name ? [db.name] : [])),
      () => [],
    );
  return {
    origin: location.origin,
    names: {
      localStorage: keysOf(() => localStorage),
      sessionStorage: keysOf(() => sessionStorage),
      indexedDB: databases,
    },
  };
}
