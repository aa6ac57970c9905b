import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCheckedConfig } from '../../../src/core/checked-config.js';
import { parseConfig } from '../../../src/core/config.js';
import Database from 'better-sqlite3';
import { main } from '../../../src/cli/cli.js';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import { RECORD_ID_A, putBody } from '../../fixtures/consent-bodies.js';
import { testEndpoint } from '../../fixtures/endpoint.js';
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
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

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

  it('serve --help explains every option, the PostgreSQL password advice included, and exits 0', async () => {
    const { code, out, err } = await run(['serve', '--help']);
    expect([code, err]).toEqual([0, []]);
    expect(out.join('\n')).toMatch(/Usage: consent-kit serve/);
    expect(out.join('\n')).toMatch(/--postgres-file <file>/);
    expect(out.join('\n')).toMatch(/DATABASE_URL/);
    expect(out.join('\n')).toMatch(/--rotate-signing-key/);
    expect(out.join('\n')).toMatch(/--token-audience <aud> +subject tokens must carry this "aud" claim/);
    expect(out.join('\n')).toMatch(/--token-issuer <iss> +subject tokens must carry this "iss" claim/);
    expect(out.join('\n')).toMatch(/HS256\s+JWTs with "sub", "iat" and "exp" \(lifetime at most 24 hours\)/);
  });

  it('serve refuses a short CONSENT_KIT_SECRET, an empty token audience or issuer, or either without a secret', async () => {
    for (const [secret, args, message] of [
      ['too-short', [], /^consent-kit: CONSENT_KIT_SECRET: expected at least 32 characters/],
      [
        'a-secret-of-at-least-thirty-two-chars',
        ['--token-audience', ''],
        /^consent-kit: --token-audience: expected a non-empty string/,
      ],
      [
        'a-secret-of-at-least-thirty-two-chars',
        ['--token-issuer', ' '],
        /^consent-kit: --token-issuer: expected a non-empty string/,
      ],
      [
        '',
        ['--token-audience', 'consent-kit'],
        /^consent-kit: --token-audience: needs CONSENT_KIT_SECRET \(subject tokens are off without it\)$/,
      ],
      ['', ['--token-issuer', 'https://www.example.com'], /^consent-kit: --token-issuer: needs CONSENT_KIT_SECRET/],
    ] as const) {
      vi.stubEnv('CONSENT_KIT_SECRET', secret);
      const { code, err } = await run(['serve', ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(err.join('\n'), args.join(' ')).toMatch(message);
    }
  });

  it('serve refuses an origin that is not one, or a PostgreSQL URL it cannot read, with the option named and no stack', async () => {
    for (const [args, message] of [
      [
        ['--origin', 'http://['],
        /^consent-kit: --origin: expected an origin such as https:\/\/www.example.com \(no path\), got "http:\/\/\["$/,
      ],
      [['--origin', 'https://www.example.com:99999'], /^consent-kit: --origin: expected an origin/],
      [['--postgres', 'not a url'], /^consent-kit: --postgres: expected a URL such as postgres:\/\/user@host\/db$/],
      [
        ['--postgres-file', join(tmpdir(), 'no-such-consent-url')],
        /^consent-kit: --postgres-file: cannot read .*no-such-consent-url \(ENOENT\)$/,
      ],
      [
        ['--postgres-file', configFile('mysql://x')],
        /^consent-kit: --postgres-file: .* does not hold a URL such as postgres:/,
      ],
      [
        ['--db', 'a.db', '--postgres-file', configFile('postgres://u@h/db')],
        /^consent-kit: --db, --postgres and --postgres-file: expected one of them$/,
      ],
    ] as const) {
      const { code, err } = await run(['serve', ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(err.join('\n'), args.join(' ')).toMatch(message);
      expect(err.join('\n')).not.toMatch(/\n\s+at /);
    }
  });

  it('serve warns that a password given in --postgres is visible to every user of the machine', async () => {
    const err: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: string) => err.push(message));
    // Nothing listens on port 1: the warning comes before the connection fails.
    await expect(
      main(['serve', '--postgres', 'postgres://user:secret@127.0.0.1:1/db', '--port', '0']),
    ).rejects.toThrow();
    expect(err.join('\n')).toMatch(
      /--postgres: the password in this URL is visible to every user of the machine; put the URL in DATABASE_URL or a file \(--postgres-file\)/,
    );
  });

  it('serve refuses to start on a database that holds receipts but lost its signing key, saying how to go on', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'consent-kit-cli-')), 'consent.db');
    const store = createSqliteStore(db);
    const { call } = await testEndpoint({ store });
    await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody() });
    await store.close();
    const raw = new Database(db);
    raw.exec('DELETE FROM signing_keys');
    raw.close();
    const { code, err } = await run(['serve', '--db', db, '--port', '0']);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/holds receipts but no signing key.*--rotate-signing-key/s);
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
