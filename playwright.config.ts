import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './test/chromium.mjs';
import { PAGE_ORIGIN, PAGE_PORT } from './test/e2e/origin.js';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  // Two workers share two cores with the browser; axe and the keyboard walks need more than the 5 s default.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: PAGE_ORIGIN,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: 'node test/e2e/server.mjs',
    url: `${PAGE_ORIGIN}/index.html`,
    env: { PORT: String(PAGE_PORT) },
    reuseExistingServer: !process.env.CI,
  },
});
