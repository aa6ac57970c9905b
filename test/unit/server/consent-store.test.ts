import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../../src/schema/consent-record.js';
import type { SignedReceipt } from '../../../src/schema/receipt.js';
import { buildReceipt, retainedPart } from '../../../src/server/build-receipt.js';
import type { ConsentStore, ConsentWrite } from '../../../src/server/consent-store.js';
import { createPostgresStore } from '../../../src/server/postgres-store.js';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import { RECORD_ID_A, RECORD_ID_B, putBody, record } from '../../fixtures/consent-bodies.js';
import { dropPostgresSchema, freshPostgresSchema } from '../../fixtures/postgres.js';
import { allReceipts } from '../../fixtures/all-receipts.js';

let receipts = 0;
function change(
  rec: ConsentRecord,
  options: { owner?: string | null; key?: string; hash?: string; receivedAt?: string } = {},
): ConsentWrite {
  const receiptId = `00000000-0000-4000-8000-${String(++receipts).padStart(12, '0')}`;
  const receipt = buildReceipt(rec, {
    receiptId,
    timestamp: '2025-01-15T10:00:01.000Z',
    owner: options.owner ?? null,
    notice: putBody(rec).notice,
    controller: { name: 'Example Ltd.' },
    jurisdiction: 'CN',
    separateConsent: [],
  });
  // Shaped like a compact JWS, its payload the receipt (stores keep only the JWS); the signature is not checked here.
  const jws = `e30.${Buffer.from(JSON.stringify(receipt)).toString('base64url')}.signature-of-${receiptId}`;
  const signed: SignedReceipt = { receiptId, jws, receipt };
  return {
    record: rec,
    owner: options.owner ?? null,
    idempotencyKey: options.key ?? `key-for-${receiptId}`,
    requestHash: options.hash ?? `hash-${receiptId}`,
    receipt: signed,
    receivedAt: options.receivedAt ?? '2025-01-15T10:00:01.000Z',
  };
}

/** The contract every store keeps; run against each implementation below. */
function storeContract(open: () => Promise<ConsentStore | undefined>) {
  let store: ConsentStore;
  let available = true;

  beforeAll(async () => {
    const opened = await open();
    if (!opened) {
      available = false;
      return;
    }
    store = opened;
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
  });
  const test = (name: string, fn: () => Promise<void>) =>
    it(name, async (ctx) => {
      if (!available) ctx.skip();
      await fn();
    });

  test('stores a new record (201), then a newer revision (200), and reads back the latest', async () => {
    const id = crypto.randomUUID();
    expect(await store.write(change(record({ id }))).then((o) => o.kind === 'stored' && o.status)).toBe(201);
    expect(
      await store
        .write(change(record({ id, revision: 2, categories: { analytics: false } })))
        .then((o) => o.kind === 'stored' && o.status),
    ).toBe(200);
    expect(await store.read(id)).toEqual({
      record: record({ id, revision: 2, categories: { analytics: false } }),
      owner: null,
    });
    expect(await store.read(crypto.randomUUID())).toBeNull();
  });

  test('refuses a revision that is not newer and names the stored one', async () => {
    const id = crypto.randomUUID();
    await store.write(change(record({ id, revision: 3 })));
    for (const revision of [3, 2]) {
      const outcome = await store.write(change(record({ id, revision, categories: { analytics: false } })));
      expect(outcome).toEqual({ kind: 'stale', current: record({ id, revision: 3 }) });
    }
    expect((await allReceipts(store, id)).length).toBe(1);
  });

  test('a repeated idempotency key gets the first answer; the same key with another body is refused', async () => {
    const id = crypto.randomUUID();
    const first = change(record({ id }), { key: 'same-key-000000001', hash: 'h1' });
    const stored = await store.write(first);
    const again = await store.write({ ...change(record({ id }), { key: 'same-key-000000001', hash: 'h1' }) });
    expect(stored.kind).toBe('stored');
    expect(again).toEqual({ ...stored, kind: 'replayed' });
    expect(await store.write(change(record({ id, revision: 2 }), { key: 'same-key-000000001', hash: 'h2' }))).toEqual({
      kind: 'key-reused',
    });
    expect((await allReceipts(store, id)).map((r) => r.receiptId)).toEqual([first.receipt.receiptId]);
  });

  test('an owned record answers like a missing one to anyone else, and an anonymous one can be claimed', async () => {
    const owned = crypto.randomUUID();
    await store.write(change(record({ id: owned }), { owner: 'alice' }));
    expect(await store.write(change(record({ id: owned, revision: 2 })))).toEqual({ kind: 'not-found' });
    expect(await store.write(change(record({ id: owned, revision: 2 }), { owner: 'bob' }))).toEqual({
      kind: 'not-found',
    });
    expect(await store.erase(owned, 'bob', (r) => retainedPart(r, ['timestamp']))).toBe(false);
    expect((await store.read(owned))?.owner).toBe('alice');

    const anonymous = crypto.randomUUID();
    await store.write(change(record({ id: anonymous })));
    await store.write(change(record({ id: anonymous, revision: 2 }), { owner: 'carol' }));
    expect((await store.read(anonymous))?.owner).toBe('carol');
    // Once owned, an anonymous write does not take it back.
    expect(await store.write(change(record({ id: anonymous, revision: 3 })))).toEqual({ kind: 'not-found' });
  });

  test("readOwned finds the account's record received last, whatever the records' own updatedAt says", async () => {
    const subject = `dave-${crypto.randomUUID()}`;
    const older = crypto.randomUUID();
    const newer = crypto.randomUUID();
    await store.write(
      change(record({ id: older, updatedAt: '2099-01-15T10:00:00.000Z' }), {
        owner: subject,
        receivedAt: '2025-01-15T10:00:00.000Z',
      }),
    );
    await store.write(
      change(record({ id: newer, updatedAt: '2025-01-01T10:00:00.000Z' }), {
        owner: subject,
        receivedAt: '2025-02-01T10:00:00.000Z',
      }),
    );
    expect((await store.readOwned(subject))?.record.id).toBe(newer);
    expect(await store.readOwned('nobody')).toBeNull();
  });

  test('receipts come back oldest first; erasure removes the record and keeps only the retained fields', async () => {
    const id = crypto.randomUUID();
    const writes = [change(record({ id }), { owner: 'erin' }), change(record({ id, revision: 2 }), { owner: 'erin' })];
    for (const w of writes) await store.write(w);
    expect(await allReceipts(store, id)).toEqual(writes.map((w) => w.receipt));

    const before = (await store.erasedTrail()).length;
    expect(await store.erase(id, 'erin', (r) => retainedPart(r, ['receiptId', 'timestamp', 'purposes']))).toBe(true);
    expect(await store.read(id)).toBeNull();
    expect(await allReceipts(store, id)).toEqual([]);
    const trail = (await store.erasedTrail()).slice(before);
    expect(trail).toHaveLength(2);
    for (const kept of trail) {
      expect(Object.keys(kept).sort()).toEqual(['purposes', 'receiptId', 'timestamp']);
      expect(JSON.stringify(kept)).not.toContain(id);
      expect(JSON.stringify(kept)).not.toContain('erin');
    }
    expect(await store.erase(id, 'erin', (r) => retainedPart(r, ['timestamp']))).toBe(false);
    // The id is free again and its old idempotency keys are gone with it.
    expect((await store.write({ ...writes[0]!, receipt: change(record({ id })).receipt })).kind).toBe('stored');
  });

  test('of concurrent writes of the same revision exactly one is stored', async () => {
    const id = crypto.randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.write(change(record({ id, revision: 1, categories: { analytics: i % 2 === 0 } }))),
      ),
    );
    expect(outcomes.filter((o) => o.kind === 'stored')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'stale')).toHaveLength(7);
    expect(await allReceipts(store, id)).toHaveLength(1);
  });

  test('signing keys are kept once per kid, oldest first', async () => {
    const key = (kid: string, createdAt: string) => ({
      kid,
      privateJwk: { kty: 'OKP', d: kid },
      publicJwk: { kty: 'OKP', x: kid },
      createdAt,
    });
    const existing = await store.signingKeys();
    await store.addSigningKey(key('kid-b', '2025-02-01T00:00:00.000Z'));
    await store.addSigningKey(key('kid-a', '2025-01-01T00:00:00.000Z'));
    await store.addSigningKey(key('kid-a', '2025-03-01T00:00:00.000Z'));
    const kids = (await store.signingKeys()).map((k) => k.kid).filter((kid) => kid.startsWith('kid-'));
    expect(kids).toEqual(['kid-a', 'kid-b']);
    expect((await store.signingKeys()).length).toBe(existing.length + 2);
    expect(await store.ping()).toBe(true);
  });
}

describe('SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'consent-store-'));
  const path = join(dir, 'consent.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  storeContract(async () => createSqliteStore(path));

  it('keeps records across a close and reopen of the file', async () => {
    const file = join(dir, 'reopen.db');
    const first = createSqliteStore(file);
    await first.write(change(record({ id: RECORD_ID_B })));
    await first.close();
    const second = createSqliteStore(file);
    expect((await second.read(RECORD_ID_B))?.record).toEqual(record({ id: RECORD_ID_B }));
    await second.close();
  });
});

describe('PostgreSQL store', () => {
  let config: pg.PoolConfig | undefined;
  afterAll(() => dropPostgresSchema(config));
  storeContract(async () => {
    config = await freshPostgresSchema('store');
    return config && createPostgresStore(config);
  });

  it('vacuums the tables an erasure left dead rows in, in the background', async (ctx) => {
    if (!config) ctx.skip();
    const store = createPostgresStore(config!);
    await store.migrate();
    const raw = new pg.Client(config!);
    await raw.connect();
    const vacuums = async () =>
      Number(
        (
          await raw.query<{ n: string }>(
            `SELECT coalesce(vacuum_count, 0) AS n FROM pg_stat_user_tables WHERE relname = 'consents' AND schemaname = current_schema()`,
          )
        ).rows[0]?.n ?? 0,
      );
    try {
      const before = await vacuums();
      const id = crypto.randomUUID();
      await store.write(change(record({ id })));
      expect(await store.erase(id, null, (r) => retainedPart(r, ['timestamp']))).toBe(true);
      await expect.poll(vacuums, { timeout: 15_000, interval: 200 }).toBeGreaterThan(before);
    } finally {
      await raw.end();
      await store.close();
    }
  });

  it('keeps records for a new pool on the same database', async (ctx) => {
    if (!config) ctx.skip();
    const first = createPostgresStore(config!);
    await first.migrate();
    await first.write(change(record({ id: RECORD_ID_A, revision: 7 })));
    await first.close();
    const second = createPostgresStore(config!);
    expect((await second.read(RECORD_ID_A))?.record.revision).toBe(7);
    await second.close();
  });
});
