import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putBody, record } from '../../fixtures/consent-bodies.js';
import { startChild, stopChild } from '../../fixtures/endpoint-process.js';
import { dropPostgresSchema, freshPostgresSchema, postgresUrlFile } from '../../fixtures/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'consent-multi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const put = (url: string, body: unknown) =>
  fetch(`${url}/v1/consents/${(body as { record: { id: string } }).record.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('two endpoint processes on one PostgreSQL database', () => {
  let config: pg.PoolConfig | undefined;
  let urls: string[] = [];
  const children: Awaited<ReturnType<typeof startChild>>['child'][] = [];
  beforeAll(async () => {
    config = await freshPostgresSchema('multi');
    if (!config) return;
    expect(existsSync('dist/server/cli.js'), 'dist/server/cli.js is missing: run "npm run build" first').toBe(true);
    const file = postgresUrlFile(config, dir);
    const started = await Promise.all(
      [0, 1].map(() => startChild(['--postgres-file', file, '--writes-per-minute', '3'])),
    );
    children.push(...started.map((s) => s.child));
    urls = started.map((s) => s.url);
  }, 30_000);
  afterAll(async () => {
    await Promise.all(children.map((child) => stopChild(child, 'SIGTERM')));
    await dropPostgresSchema(config);
  });

  it('behave as one for idempotency, revisions and erasure; rate limits are counted per process, as documented', async (context) => {
    if (!config) return context.skip();
    const [a, b] = urls as [string, string];
    const id = crypto.randomUUID();

    // The same change sent to both at once is applied once: one receipt, and both answer with it.
    const body = putBody(record({ id }), 'sent-to-both-000000001');
    const answers = await Promise.all([put(a, body), put(b, body)]);
    const [first, second] = await Promise.all(
      answers.map((r) => r.json() as Promise<{ receipt: { receiptId: string } }>),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(second!.receipt.receiptId).toBe(first!.receipt.receiptId);

    // Of two processes storing the same new revision, one wins and the other answers 409.
    const race = await Promise.all([
      put(a, putBody(record({ id, revision: 2 }))),
      put(b, putBody(record({ id, revision: 2, categories: { analytics: false } }))),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await put(a, putBody(record({ id, revision: 3 })))).status).toBe(200);
    const receipts = (await (await fetch(`${b}/v1/consents/${id}/receipts`)).json()) as { receipts: unknown[] };
    expect(receipts.receipts).toHaveLength(3);

    // Each process counts writes on its own: the per-id limit of 3 is spent on A, and B still accepts.
    expect((await fetch(`${a}/v1/consents/${id}`, { method: 'DELETE' })).status).toBe(429);
    // An erasure through B is seen by A at once.
    expect((await fetch(`${b}/v1/consents/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${a}/v1/consents/${id}`)).status).toBe(404);
    expect((await fetch(`${a}/v1/consents/${id}/receipts`)).status).toBe(404);

    // Both publish the key the receipts verify with.
    const [keysA, keysB] = await Promise.all(
      [a, b].map(async (url) =>
        ((await (await fetch(`${url}/v1/keys`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid),
      ),
    );
    expect(keysA).toEqual(keysB);
  }, 30_000);
});
