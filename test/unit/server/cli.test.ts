import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCheckedConfig } from '../../../src/core/checked-config.js';
import { parseConfig } from '../../../src/core/config.js';
import { main } from '../../../src/server/cli.js';
import { exampleConfig } from '../../fixtures/configs.js';

/** Runs the CLI and returns its exit code with what it printed on each stream. */
async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((message: string) => out.push(message));
  vi.spyOn(console, 'error').mockImplementation((message: string) => err.push(message));
  return { code: await main(args), out, err };
}

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'consent-kit-cli-')), 'config.json');
  writeFileSync(file, text);
  return file;
}

describe('consent-kit CLI', () => {
  afterEach(() => vi.restoreAllMocks());

  it('explains its usage and refuses bad options with the option named, before opening anything', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: string) => errors.push(message));
    expect(await main([])).toBe(2);
    expect(errors.pop()).toMatch(/Usage: consent-kit serve/);
    expect(await main(['--help'])).toBe(0);
    expect(await main(['start'])).toBe(2);
    expect(errors.pop()).toMatch(/unknown command "start"/);
    expect(await main(['serve', '--port', 'eighty'])).toBe(2);
    expect(errors.pop()).toMatch(/--port: expected a port number, got "eighty"/);
    expect(await main(['serve', '--origin', 'https://www.example.com/path'])).toBe(2);
    expect(errors.pop()).toMatch(/--origin: expected an origin such as https:\/\/www.example.com \(no path\)/);
    expect(await main(['serve', '--dbb', 'x.db'])).toBe(2);
    expect(errors.pop()).toMatch(/Unknown option '--dbb'/);
  });

  it('config: prints the checked tag of a valid config file, which a page reads back as the validated config', async () => {
    const { code, out, err } = await run(['config', configFile(JSON.stringify(exampleConfig))]);
    expect([code, err]).toEqual([0, []]);
    const [, stamp, text] = /data-checked="([^"]+)">(.*)<\/script>$/s.exec(out.join('\n'))!;
    expect(readCheckedConfig(text!, stamp!)).toEqual(parseConfig(exampleConfig));
  });

  it('config: names the file and every bad field, and prints no tag', async () => {
    const file = configFile('{"policy": {"version": "june 2024", "url": "/p"}, "layout": "side"}');
    const { code, out, err } = await run(['config', file]);
    expect([code, out]).toEqual([1, []]);
    expect(err.join('\n')).toContain(`${file}: policy.version: expected letters`);
    expect(err.join('\n')).toContain(`${file}: layout: expected one of "bar", "box", "center"`);
    expect((await run(['config', configFile('{"policy": ')])).err.join('\n')).toMatch(/does not hold valid JSON/);
  });

  it('config: explains its usage without a file, and says when the file cannot be read', async () => {
    const usage = await run(['config']);
    expect(usage.code).toBe(2);
    expect(usage.err.join('\n')).toMatch(/Usage: consent-kit config <config.json>/);
    const missing = await run(['config', join(tmpdir(), 'no-such-consent-config.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/cannot read .*no-such-consent-config\.json \(ENOENT\)/);
  });
});
