import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/*
 * `npm run demo` serves the site under a strict Content-Security-Policy; this starts it as a visitor's
 * developer would and checks the header and that the banner, the gated tag and the endpoint all work
 * with no violation.
 */
const SITE = 'http://127.0.0.1:5173';
const ENDPOINT = 'http://127.0.0.1:8787';
let demo: ChildProcess;

test.beforeAll(async () => {
  demo = spawn(process.execPath, ['demo/start.mjs'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  demo.stdout!.setEncoding('utf8');
  // Keeps reading after the start line: the demo goes on writing to its stdout.
  await new Promise<void>((resolve, reject) => {
    demo.stdout!.on('data', (chunk: string) => {
      output += chunk;
      if (/Endpoint:/.test(output)) resolve();
    });
    demo.once('exit', () => reject(new Error(`the demo exited (are ports 5173 and 8787 free?): ${output}`)));
  });
});

test.afterAll(async () => {
  if (demo.exitCode !== null) return;
  const exited = once(demo, 'exit');
  demo.kill('SIGTERM');
  await exited;
});

test('the demo serves the SDK under a strict CSP, and the banner, gating and sync work with no violation', async ({ page }) => {
  // Only the demo's two servers are reached; the demo's stand-in analytics hosts are answered here.
  await page.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    if (hostname === 'stats.demo.invalid' || hostname === 'hm.baidu.com') return route.fulfill({ status: 204 });
    return route.abort();
  });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });

  const response = await page.goto(`${SITE}/`);
  const csp = response!.headers()['content-security-policy'];
  expect(csp?.split(';').map((d) => d.trim())).toEqual([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", `connect-src 'self' ${ENDPOINT}`,
  ]);

  await expect(page.getByRole('button', { name: 'Accept all' })).toBeVisible();
  const synced = page.waitForResponse((r) => r.url().startsWith(`${ENDPOINT}/v1/consents/`) && r.request().method() === 'PUT');
  await page.getByRole('button', { name: 'Accept all' }).click();
  expect((await synced).status()).toBe(201);
  await expect(page.locator('#analytics')).toHaveText('true');
  await expect(page.locator('#tagged')).toHaveText('ran once, after analytics was granted');
  await expect(page.getByRole('button', { name: 'Accept all' })).toBeHidden();
  expect(problems).toEqual([]);
});
