import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import { BACKSTOP_PAGES, startCheckpointer } from '../../../src/server/wal-checkpointer.js';
import { putBody, record } from '../../fixtures/consent-bodies.js';
import { testEndpoint } from '../../fixtures/endpoint.js';

const dir = mkdtempSync(join(tmpdir(), 'consent-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const size = (file: string) => statSync(file).size;
const PAGE = 4096;

describe('WAL checkpoints off the request thread', () => {
  it("the store's writes reach the database file long before the writing connection would checkpoint them itself", async () => {
    const file = join(dir, 'store.db');
    const { call, store } = await testEndpoint({ store: createSqliteStore(file) });
    const empty = size(file);
    for (let i = 0; i < 40; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      expect((await call('PUT', `/v1/consents/${id}`, { body: putBody(record({ id })) })).status).toBe(201);
    }
    // Far fewer pages than the writer's own threshold: only the checkpointer can have copied them.
    expect(size(`${file}-wal`)).toBeLessThan(BACKSTOP_PAGES * PAGE);
    await expect.poll(() => size(file), { timeout: 5000 }).toBeGreaterThan(empty + 8 * PAGE);
    await store.close();
  });

  it('a checkpointer whose database cannot be opened reports the failure to its store', async () => {
    const failed = new Promise((resolve) => startCheckpointer(join(dir, 'missing', 'no.db'), resolve));
    await expect(failed).resolves.toBeInstanceOf(Error);
  });

  it('closing ends the thread and its connection, so the last one to close removes the WAL', async () => {
    const file = join(dir, 'closing.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    const checkpointer = startCheckpointer(file, () => {});
    checkpointer.wrote();
    await checkpointer.close();
    db.close();
    expect(() => statSync(`${file}-wal`)).toThrow();
  });
});
