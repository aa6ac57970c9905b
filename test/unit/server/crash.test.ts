import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ConsentRecordSchema } from '../../../src/schema/consent-record.js';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import { putBody, record } from '../../fixtures/consent-bodies.js';

const dir = mkdtempSync(join(tmpdir(), 'consent-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the built `consent-kit serve` in a child process and resolves with its URL once it listens. */
async function startChild(db: string) {
  const child = spawn(process.execPath, ['bin/consent-kit.mjs', 'serve', '--db', db, '--port', '0', '--writes-per-minute', '1000000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: '' },
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) {
    output += chunk;
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (url) return { child, url };
  }
  throw new Error(`the endpoint did not start: ${output}`);
}

describe('crash safety', () => {
  it('every record answered with a 2xx is present and valid after the writer is killed with SIGKILL', async () => {
    expect(existsSync('dist/server/cli.js'), 'dist/server/cli.js is missing: run "npm run build" first').toBe(true);
    const db = join(dir, 'consent.db');
    const { child, url } = await startChild(db);
    const acknowledged = new Map<string, number>();
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const id = crypto.randomUUID();
        for (let revision = 1; revision <= 3 && !stop; revision++) {
          try {
            const response = await fetch(`${url}/v1/consents/${id}`, {
              method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(putBody(record({ id, revision }))),
            });
            if (response.ok) acknowledged.set(id, revision);
          } catch {
            return; // the process is gone
          }
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    // Kill it in the middle of the stream, with requests in flight.
    while (acknowledged.size < 150) {
      expect(child.exitCode, 'the endpoint exited before it was killed').toBeNull();
      await new Promise((resolve) => setImmediate(resolve));
    }
    child.kill('SIGKILL');
    await once(child, 'exit');
    stop = true;
    await Promise.all(writers);

    const store = createSqliteStore(db);
    try {
      for (const [id, revision] of acknowledged) {
        const stored = await store.read(id);
        expect(stored, `record ${id} was acknowledged but is missing`).not.toBeNull();
        expect(z.safeParse(ConsentRecordSchema, stored!.record).success).toBe(true);
        expect(stored!.record.revision).toBeGreaterThanOrEqual(revision);
        expect((await store.receipts(id)).length).toBeGreaterThanOrEqual(revision);
      }
    } finally {
      await store.close();
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(150);
  }, 30_000);
});
