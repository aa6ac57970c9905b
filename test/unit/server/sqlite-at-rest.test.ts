import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import { issueSubjectToken } from '../../../src/server/subject-token.js';
import { RECORD_ID_A, RECORD_ID_B, putBody, record } from '../../fixtures/consent-bodies.js';
import { SECRET, testEndpoint } from '../../fixtures/endpoint.js';

const dir = mkdtempSync(join(tmpdir(), 'consent-at-rest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `consent-${++files}.db`);
const mode = (file: string) => statSync(file).mode & 0o777;

/** Every row of every table, as text: what the file holds, whatever the layout. */
function dump(file: string): string {
  const raw = new Database(file, { readonly: true });
  try {
    const tables = raw.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    return tables.map(({ name }) => JSON.stringify(raw.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
  } finally {
    raw.close();
  }
}

describe('SQLite at rest', () => {
  it('the database, its WAL and its shared-memory file are readable by their owner only (0600), an old 0644 file included', async () => {
    const fresh = newFile();
    const old = newFile();
    writeFileSync(old, '');
    chmodSync(old, 0o644);
    for (const file of [fresh, old]) {
      const { call, store } = await testEndpoint({ store: createSqliteStore(file) });
      expect((await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody() })).status).toBe(201);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(f), f).toBe(true);
        expect(mode(f).toString(8), f).toBe('600');
      }
      await store.close();
    }
  });

  it('after an erasure and a clean shutdown, neither the record id nor the subject is anywhere in the files', async () => {
    const file = newFile();
    const { call, store } = await testEndpoint({ store: createSqliteStore(file) });
    const subject = 'subject-to-be-forgotten-7f3a';
    const token = await issueSubjectToken(SECRET, subject);
    for (let revision = 1; revision <= 3; revision++) {
      expect(
        (await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody(record({ revision })), token })).status,
      ).toBeLessThan(300);
    }
    await call('PUT', `/v1/consents/${RECORD_ID_B}`, { body: putBody(record({ id: RECORD_ID_B })) });
    expect((await call('DELETE', `/v1/consents/${RECORD_ID_A}`, { token })).status).toBe(204);
    const afterErasure = [file, `${file}-wal`]
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    expect(afterErasure).not.toContain(RECORD_ID_A);
    expect(afterErasure).not.toContain(subject);
    await store.close();
    const bytes = [file, `${file}-wal`]
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    expect(bytes).not.toContain(RECORD_ID_A);
    expect(bytes).not.toContain(subject);
    expect(bytes).toContain(RECORD_ID_B);
  });

  it('each receipt is stored once, as its JWS: no JSON copy beside it, none in the idempotency key', async () => {
    const file = newFile();
    const { call, store } = await testEndpoint({ store: createSqliteStore(file) });
    const jws: string[] = [];
    for (let revision = 1; revision <= 5; revision++) {
      jws.push(
        (await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody(record({ revision })) })).json.receipt.jws,
      );
    }
    await store.close();
    const stored = dump(file);
    for (const one of jws) expect(stored.split(one.split('.')[2]!).length - 1).toBe(1);
    expect(stored).not.toContain('collectionMethod');
    expect(stored).not.toContain('KI-CR-v1.1.0');
  });

  it('idempotency keys are replayed for a day, then forgotten and pruned in the background', async () => {
    const file = newFile();
    let now = Date.parse('2025-03-01T10:00:00.000Z');
    const { call, store } = await testEndpoint({ store: createSqliteStore(file), now: () => now });
    const first = putBody(record(), 'kept-for-a-day-000001');
    expect((await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: first })).status).toBe(201);
    await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody(record({ revision: 2 })) });
    now += 23 * 3600_000;
    expect((await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: first })).status).toBe(201);
    now += 2 * 3600_000;
    expect((await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: first })).status).toBe(409);
    expect((await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody(record({ revision: 3 })) })).status).toBe(
      200,
    );
    const keys = () => {
      const raw = new Database(file, { readonly: true });
      try {
        return raw.prepare<[], { n: number }>('SELECT count(*) AS n FROM idempotency_keys').get()!.n;
      } finally {
        raw.close();
      }
    };
    // The writes 25 hours on pruned the two keys of a day before; only the last one's key is left.
    await expect.poll(keys).toBe(1);
    await store.close();
  });

  it('idempotency keys of a database that kept them WITHOUT ROWID are moved into the rowid table, and still replay', async () => {
    const file = newFile();
    const { call, store } = await testEndpoint({ store: createSqliteStore(file) });
    const body = putBody(record(), 'moved-to-rowid-table-01');
    const first = await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body });
    await store.close();
    const raw = new Database(file);
    raw.exec(`
      CREATE TABLE keys_before (record_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
        receipt_seq INTEGER NOT NULL, record TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (record_id, key)) WITHOUT ROWID;
      INSERT INTO keys_before SELECT * FROM idempotency_keys;
      DROP TABLE idempotency_keys;
      ALTER TABLE keys_before RENAME TO idempotency_keys;
      CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);`);
    raw.close();

    const reopened = await testEndpoint({ store: createSqliteStore(file) });
    const replay = await reopened.call('PUT', `/v1/consents/${RECORD_ID_A}`, { body });
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    await reopened.store.close();
    const check = new Database(file, { readonly: true });
    try {
      const table = check
        .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'idempotency_keys'")
        .get()!;
      expect(table.sql).not.toContain('WITHOUT ROWID');
      expect(check.prepare('SELECT count(*) AS n FROM idempotency_keys').get()).toEqual({ n: 1 });
    } finally {
      check.close();
    }
  });

  it('a database of the earlier layout is brought over on start: its records, receipts and key still serve, the JSON copies go', async () => {
    const file = newFile();
    const { call, store } = await testEndpoint({ store: createSqliteStore(file) });
    const token = await issueSubjectToken(SECRET, 'frank');
    const written = (await call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody(), token })).json;
    const keys = await store.signingKeys();
    await store.close();
    // Rewrite the file into the earlier layout: receipts with a JSON copy, answers kept whole, no received_at.
    const raw = new Database(file);
    raw.exec(`
      DROP TABLE consents; DROP TABLE receipts; DROP TABLE idempotency_keys;
      CREATE TABLE consents (id TEXT PRIMARY KEY, owner TEXT, revision INTEGER NOT NULL, updated_at TEXT NOT NULL, record TEXT NOT NULL);
      CREATE INDEX consents_owner ON consents (owner, updated_at);
      CREATE TABLE receipts (seq INTEGER PRIMARY KEY AUTOINCREMENT, receipt_id TEXT NOT NULL UNIQUE, record_id TEXT,
        jws TEXT, receipt TEXT NOT NULL, erased INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX receipts_record ON receipts (record_id, seq);
      CREATE TABLE idempotency (record_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
        response TEXT NOT NULL, PRIMARY KEY (record_id, key));`);
    raw
      .prepare('INSERT INTO consents VALUES (?, ?, 1, ?, ?)')
      .run(RECORD_ID_A, 'frank', written.record.updatedAt, JSON.stringify(written.record));
    raw
      .prepare('INSERT INTO receipts (receipt_id, record_id, jws, receipt) VALUES (?, ?, ?, ?)')
      .run(written.receipt.receiptId, RECORD_ID_A, written.receipt.jws, JSON.stringify(written.receipt.receipt));
    raw
      .prepare('INSERT INTO idempotency VALUES (?, ?, ?, 201, ?)')
      .run(RECORD_ID_A, 'old-key-0000000000001', 'hash', JSON.stringify(written));
    raw.close();

    const reopened = await testEndpoint({ store: createSqliteStore(file) });
    expect((await reopened.call('GET', '/v1/consents/me', { token })).json.record).toEqual(written.record);
    expect((await reopened.call('GET', `/v1/consents/${RECORD_ID_A}/receipts`, { token })).json.receipts).toEqual([
      written.receipt,
    ]);
    expect((await reopened.store.signingKeys()).map((k) => k.kid)).toEqual(keys.map((k) => k.kid));
    expect(
      (await reopened.call('PUT', `/v1/consents/${RECORD_ID_A}`, { body: putBody(record({ revision: 2 })), token }))
        .status,
    ).toBe(200);
    await reopened.store.close();
    const stored = dump(file);
    expect(stored).not.toContain('collectionMethod');
    expect(stored).not.toContain('"response"');
  });
});
