import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ConsentRecordSchema } from '../../../src/schema/consent-record.js';
import { createPostgresStore } from '../../../src/server/postgres-store.js';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import type { ConsentStore } from '../../../src/server/consent-store.js';
import { putBody, record } from '../../fixtures/consent-bodies.js';
import { dropPostgresSchema, freshPostgresSchema, postgresUrlFile } from '../../fixtures/postgres.js';
import { startChild, stopChild } from '../../fixtures/endpoint-process.js';
import { allReceipts } from '../../fixtures/all-receipts.js';

const dir = mkdtempSync(join(tmpdir(), 'consent-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The last revision of a record the endpoint answered with a 2xx, and how many of its writes it so answered. */
interface Acknowledged {
  revision: number;
  writes: number;
}

/**
 * Writes from 8 clients until 150 records are acknowledged, kills the endpoint with SIGKILL mid-stream,
 * starts a new one on the same database, and checks over HTTP that every acknowledged write is there.
 * Returns the acknowledged revisions for the store-level checks.
 */
async function killDuringWritesAndRestart(database: string[]): Promise<Map<string, Acknowledged>> {
  expect(existsSync('dist/server/cli.js'), 'dist/server/cli.js is missing: run "npm run build" first').toBe(true);
  const { child, url } = await startChild([...database, '--writes-per-minute', '1000000']);
  const acknowledged = new Map<string, Acknowledged>();
  let stop = false;
  const writer = async () => {
    while (!stop) {
      const id = crypto.randomUUID();
      for (let revision = 1; revision <= 3 && !stop; revision++) {
        try {
          const response = await fetch(`${url}/v1/consents/${id}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(putBody(record({ id, revision }))),
          });
          if (response.ok) acknowledged.set(id, { revision, writes: (acknowledged.get(id)?.writes ?? 0) + 1 });
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
  await stopChild(child, 'SIGKILL');
  stop = true;
  await Promise.all(writers);
  expect(acknowledged.size).toBeGreaterThanOrEqual(150);

  const restarted = await startChild([...database, '--writes-per-minute', '1000000']);
  try {
    for (const [id, { revision }] of acknowledged) {
      const response = await fetch(`${restarted.url}/v1/consents/${id}`);
      expect(response.status, `record ${id} was acknowledged but the restarted endpoint does not have it`).toBe(200);
      const { record: stored } = (await response.json()) as { record: { revision: number } };
      expect(stored.revision, `record ${id}`).toBeGreaterThanOrEqual(revision);
    }
  } finally {
    await stopChild(restarted.child, 'SIGTERM');
  }
  return acknowledged;
}

/** Every acknowledged record is valid, at least at the acknowledged revision, with a receipt per acknowledged write. */
async function expectAcknowledgedIn(store: ConsentStore, acknowledged: Map<string, Acknowledged>) {
  for (const [id, { revision, writes }] of acknowledged) {
    const stored = await store.read(id);
    expect(stored, `record ${id} was acknowledged but is missing`).not.toBeNull();
    expect(z.safeParse(ConsentRecordSchema, stored!.record).success).toBe(true);
    expect(stored!.record.revision).toBeGreaterThanOrEqual(revision);
    expect((await allReceipts(store, id)).length).toBeGreaterThanOrEqual(writes);
  }
}

describe('crash safety', () => {
  it('SQLite: every record answered with a 2xx is present and valid after SIGKILL and a restart; integrity_check passes', async () => {
    const db = join(dir, 'consent.db');
    const acknowledged = await killDuringWritesAndRestart(['--db', db]);
    const store = createSqliteStore(db);
    try {
      await expectAcknowledgedIn(store, acknowledged);
    } finally {
      await store.close();
    }
    const raw = new Database(db, { readonly: true });
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.pragma('foreign_key_check')).toEqual([]);
    } finally {
      raw.close();
    }
  }, 60_000);

  describe('PostgreSQL', () => {
    let config: pg.PoolConfig | undefined;
    beforeAll(async () => {
      config = await freshPostgresSchema('crash');
    });
    afterAll(() => dropPostgresSchema(config));

    it('every record answered with a 2xx is present and valid after SIGKILL and a restart; rows agree with each other', async (context) => {
      if (!config) return context.skip();
      const acknowledged = await killDuringWritesAndRestart(['--postgres-file', postgresUrlFile(config, dir)]);
      const store = createPostgresStore(config);
      try {
        await expectAcknowledgedIn(store, acknowledged);
      } finally {
        await store.close();
      }
      // No half-written write survived the kill: each row's columns match its record, and it has between one receipt and one per revision.
      const client = new pg.Client(config);
      await client.connect();
      try {
        const { rows } = await client.query<{ id: string; revision: number; record: string; receipts: string }>(
          `SELECT c.id, c.revision, c.record, (SELECT count(*) FROM receipts r WHERE r.record_id = c.id) AS receipts FROM consents c`,
        );
        expect(rows.length).toBeGreaterThanOrEqual(acknowledged.size);
        for (const row of rows) {
          const parsed = z.safeParse(ConsentRecordSchema, JSON.parse(row.record));
          expect(parsed.success, row.id).toBe(true);
          expect([parsed.data?.id, parsed.data?.revision], row.id).toEqual([row.id, row.revision]);
          expect(Number(row.receipts), row.id).toBeGreaterThanOrEqual(1);
          expect(Number(row.receipts), row.id).toBeLessThanOrEqual(row.revision);
        }
        const {
          rows: [orphans],
        } = await client.query<{ n: string }>(
          'SELECT count(*) AS n FROM receipts r WHERE r.record_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.id = r.record_id)',
        );
        expect(Number(orphans!.n), 'receipts without their record').toBe(0);
      } finally {
        await client.end();
      }
    }, 60_000);
  });
});
