// Finds the Chromium every browser test runs in, in one place for all test configs:
// CHROME_PATH, then Playwright's own download, then Debian's package.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

/** Flags for running as root on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath() {
  const candidates = [
    ['CHROME_PATH', process.env.CHROME_PATH],
    ["Playwright's browser", safely(() => chromium.executablePath())],
    ['Debian chromium', '/usr/bin/chromium'],
  ];
  for (const [, path] of candidates) if (path && existsSync(path)) return path;
  const tried = candidates.map(([name, path]) => `  ${name}: ${path ?? '(not set)'}`).join('\n');
  throw new Error(
    `No Chromium found for the browser tests. Looked at:\n${tried}\n` +
      'Install one: `npx playwright install chromium` (where downloads are allowed), ' +
      'or `apt-get install -y chromium` (Debian), or set CHROME_PATH to a Chromium binary.',
  );
}

function safely(fn) {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
