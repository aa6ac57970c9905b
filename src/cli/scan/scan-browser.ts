import type { Browser, BrowserType } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../server/chromium-path.mjs';

/** The packages that can drive Chromium, in the order tried: the one without a browser download first. */
export const DRIVER_PACKAGES = ['playwright-core', 'playwright'] as const;

/** The scan cannot start: no package to drive a browser, or no Chromium. The message says what to install. */
export class ScanSetupError extends Error {
  override name = 'ScanSetupError';
}

/**
 * Loads Playwright's Chromium driver from the site's own dependencies. Loaded only when a scan runs, so a site
 * that uses consent-kit without `scan` never needs Playwright. Throws {@link ScanSetupError} naming the package
 * to install when none of `packages` is there.
 */
export async function loadChromiumDriver(packages: readonly string[] = DRIVER_PACKAGES): Promise<BrowserType> {
  for (const name of packages) {
    let module: { chromium?: BrowserType; default?: { chromium?: BrowserType } };
    try {
      module = await import(name);
    } catch (error) {
      if (isMissing(error, name)) continue;
      throw error;
    }
    const chromium = module.chromium ?? module.default?.chromium;
    if (chromium) return chromium;
  }
  throw new ScanSetupError(
    'consent-kit scan drives Chromium with Playwright, which is not installed here. Install it next to consent-kit: ' +
      '`npm install --save-dev playwright-core` (it downloads no browser). A Chromium is needed too: set CHROME_PATH, ' +
      'or `apt-get install -y chromium` (Debian), or `npx playwright install chromium`.',
  );
}

/** Starts a headless Chromium (found as the tests find theirs) with the flags that keep Chromium's own traffic off. */
export async function launchChromium(chromium: BrowserType): Promise<Browser> {
  let executablePath: string;
  try {
    executablePath = chromiumPath(() => chromium.executablePath(), 'consent-kit scan');
  } catch (error) {
    throw new ScanSetupError((error as Error).message);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** Whether an import failed because the package itself is not installed (not because it is broken). */
function isMissing(error: unknown, name: string): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && (message ?? '').includes(`'${name}'`);
}
