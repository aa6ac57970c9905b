import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { groupCommit } from '../../../src/server/group-commit.js';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import {
  BACKSTOP_PAGES,
  CATCH_UP_PAGES,
  MAX_HOLD_MS,
  startCheckpointer,
  writerHold,
} from '../../../src/server/wal-checkpointer.js';
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

  it('under steady writes the WAL starts over after each catch-up, instead of growing until the writer checkpoints', async () => {
    const file = join(dir, 'steady.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // The writer never checkpoints by itself here: only a catch-up can let the WAL start over.
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x BLOB)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const checkpointer = startCheckpointer(file, () => {});
    const blob = Buffer.alloc(8 * PAGE, 7);
    let holds = 0;
    // A commit about every millisecond, each waiting for a catch-up in progress, as the store's commits do.
    for (let i = 0; i < 1000; i++) {
      const held = checkpointer.caughtUp();
      if (held) {
        holds++;
        await held;
      }
      insert.run(blob);
      checkpointer.wrote();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await checkpointer.close();
    const written = 1000 * blob.length;
    // Without the catch-up no PASSIVE checkpoint ever finds the WAL copied whole: it holds all 33 MB.
    expect(size(`${file}-wal`)).toBeLessThan(written / 3);
    expect(size(`${file}-wal`)).toBeGreaterThan(CATCH_UP_PAGES * PAGE);
    expect(holds).toBeGreaterThan(0);
    db.close();
  }, 30_000);

  it('a commit waits while a catch-up holds the writer, and the writes gathered meanwhile go in one batch', async () => {
    let held: Promise<void> | undefined;
    let release = () => {};
    held = new Promise<void>((resolve) => (release = resolve));
    let ran = 0;
    const batches: number[] = [];
    const commit = groupCommit(
      (batch) => {
        const before = ran;
        batch();
        batches.push(ran - before);
      },
      async () => {},
      () => held,
    );
    const first = [1, 2, 3].map(() => commit(() => ++ran));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(0);
    const later = commit(() => ++ran);
    held = undefined;
    release();
    await Promise.all([...first, later]);
    expect(batches).toEqual([4]);
  });

  it('a catch-up whose checkpoint never answers holds the writer no longer than its limit', async () => {
    vi.useFakeTimers();
    try {
      const hold = writerHold();
      expect(hold.done()).toBeUndefined();
      hold.begin();
      const done = hold.done();
      let ended = false;
      void done?.then(() => (ended = true));
      await vi.advanceTimersByTimeAsync(MAX_HOLD_MS - 1);
      expect(ended).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(ended).toBe(true);
      expect(hold.done()).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
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
