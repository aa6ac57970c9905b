// Finds the Chromium that `consent-kit scan` and every browser test run in, in one place: CHROME_PATH, then
// Playwright's own download, then Debian's package. Plain JavaScript, so that the test configs (some of
// them .mjs files Node runs as they are) and the built CLI share it.
import { existsSync } from 'node:fs';

/** Flags for running as root on a machine with no outside network, and for sending nothing of Chromium's own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The first Chromium binary that exists of: CHROME_PATH, Playwright's own (`playwrightPath()`, when given),
 * Debian's `/usr/bin/chromium`. Throws an error naming every place looked at and the ways to install one.
 */
export function chromiumPath(playwrightPath, purpose = 'the browser tests') {
  const candidates = [
    ['CHROME_PATH', process.env.CHROME_PATH],
    ["Playwright's browser", playwrightPath ? safely(playwrightPath) : undefined],
    ['Debian chromium', '/usr/bin/chromium'],
  ];
  for (const [, path] of candidates) if (path && existsSync(path)) return path;
  const tried = candidates.map(([name, path]) => `  ${name}: ${path ?? '(not set)'}`).join('\n');
  throw new Error(
    `No Chromium found for ${purpose}. Looked at:\n${tried}\n` +
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
