import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/cli.js';
import { loadChromiumDriver, ScanSetupError } from '../../../src/cli/scan/scan-browser.js';

/** Runs the CLI and returns its exit code with what it printed on each stream. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((message: string) => out.push(message));
  vi.spyOn(console, 'error').mockImplementation((message: string) => err.push(message));
  return { code: await main(args), out: out.join('\n'), err: err.join('\n') };
}

describe('consent-kit scan, before any browser starts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('--help explains the phases, the traffic it answers itself and the exit codes, on stdout', async () => {
    const { code, out, err } = await run(['scan', '--help']);
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(/Usage: consent-kit scan \[options\] <url>…/);
    expect(out).toMatch(/answered with an empty 204/);
    expect(out).toMatch(/Exit codes: 0 nothing found; 1 .*; 2 a usage/s);
    expect(out).toMatch(/npm install --save-dev playwright-core/);
  });

  it('refuses bad command lines with exit code 2, naming the option and the fix', async () => {
    for (const [args, message] of [
      [[], /expected at least one URL to scan/],
      [
        ['ftp://example.com/'],
        /expected http: or https: URLs such as https:\/\/www\.example\.com\/, got "ftp:\/\/example\.com\/"/,
      ],
      [['--json', '--suggest', 'https://example.com/'], /--json and --suggest: expected one of them/],
      [['--timeout', 'soon', 'https://example.com/'], /--timeout: expected a whole number of milliseconds, got "soon"/],
      [['--allow', '/(/', 'https://example.com/'], /--allow: "\/\(\/" is not a valid \/regular expression\//],
      [['--json=yes', 'https://example.com/'], /--json/],
    ] as const) {
      const { code, err } = await run(['scan', ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(err, args.join(' ')).toMatch(message);
    }
  });

  it('refuses a --config file that does not validate, naming the file and each bad field', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'consent-kit-scan-')), 'config.json');
    writeFileSync(
      file,
      JSON.stringify({
        policy: { version: '1', url: '/p' },
        categories: [{ id: 'Analytics', hosts: ['Stats.Example.com'] }],
      }),
    );
    const { code, err } = await run(['scan', '--config', file, 'https://example.com/']);
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`--config ${file}: categories\\[0\\]\\.id: expected a lowercase id`));
    expect(err).toMatch(/categories\[0\]\.hosts\[0\]: expected a lowercase host/);
    expect(
      (await run(['scan', '--config', join(tmpdir(), 'no-such-scan-config.json'), 'https://example.com/'])).err,
    ).toMatch(/cannot read .* \(ENOENT\)/);
  });

  it('says which package to install when no Playwright driver is there', async () => {
    const missing = loadChromiumDriver(['consent-kit-no-such-driver']);
    await expect(missing).rejects.toBeInstanceOf(ScanSetupError);
    await expect(missing).rejects.toThrow(/npm install --save-dev playwright-core.*A Chromium is needed too/);
  });
});
