import Database from 'better-sqlite3';
import type { ConsentRecord } from '../schema/consent-record.js';
import type { SignedReceipt } from '../schema/receipt.js';
import type { ConsentStore, ConsentWrite, SigningKey, StoredConsent, WriteOutcome } from './consent-store.js';
import { planWrite, type StoredKey, type StoredRow } from './plan-write.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS consents (
    id TEXT PRIMARY KEY, owner TEXT, revision INTEGER NOT NULL, updated_at TEXT NOT NULL, record TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS consents_owner ON consents (owner, updated_at);
  CREATE TABLE IF NOT EXISTS receipts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, receipt_id TEXT NOT NULL UNIQUE, record_id TEXT,
    jws TEXT, receipt TEXT NOT NULL, erased INTEGER NOT NULL DEFAULT 0);
  CREATE INDEX IF NOT EXISTS receipts_record ON receipts (record_id, seq);
  CREATE TABLE IF NOT EXISTS idempotency (
    record_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
    response TEXT NOT NULL, PRIMARY KEY (record_id, key));
  CREATE TABLE IF NOT EXISTS signing_keys (
    kid TEXT PRIMARY KEY, private_jwk TEXT NOT NULL, public_jwk TEXT NOT NULL, created_at TEXT NOT NULL);
`;

/**
 * The embedded store: one SQLite file through better-sqlite3. WAL lets readers run beside the writer, and
 * `synchronous = FULL` makes SQLite sync the WAL on every commit, so a write that resolved survives a
 * crash or power loss. Writes are serialised by SQLite itself (`BEGIN IMMEDIATE`).
 */
export function createSqliteStore(path: string): ConsentStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  addReceivedAt(db);

  const select = db.prepare<[string], StoredRow>('SELECT record, owner FROM consents WHERE id = ?');
  const selectOwned = db.prepare<[string], StoredRow>(
    'SELECT record, owner FROM consents WHERE owner = ? ORDER BY received_at DESC, revision DESC LIMIT 1');
  const selectKey = db.prepare<[string, string], StoredKey>(
    'SELECT request_hash, status, response FROM idempotency WHERE record_id = ? AND key = ?');
  const upsert = db.prepare(
    `INSERT INTO consents (id, owner, revision, updated_at, record, received_at)
     VALUES (@id, @owner, @revision, @updatedAt, @record, @receivedAt)
     ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, revision = excluded.revision,
       updated_at = excluded.updated_at, record = excluded.record, received_at = excluded.received_at`);
  const insertReceipt = db.prepare('INSERT INTO receipts (receipt_id, record_id, jws, receipt) VALUES (?, ?, ?, ?)');
  const insertKey = db.prepare('INSERT INTO idempotency (record_id, key, request_hash, status, response) VALUES (?, ?, ?, ?, ?)');
  const selectReceipts = db.prepare<[string, number, number], { jws: string; receipt: string; receipt_id: string; seq: number }>(
    'SELECT seq, receipt_id, jws, receipt FROM receipts WHERE record_id = ? AND seq > ? ORDER BY seq LIMIT ?');

  const write = db.transaction((change: ConsentWrite): WriteOutcome => {
    const { record } = change;
    const plan = planWrite(change, select.get(record.id), selectKey.get(record.id, change.idempotencyKey));
    if (plan.kind !== 'store') return plan;
    const { status, response } = plan;
    upsert.run({
      id: record.id, owner: plan.owner, revision: record.revision, updatedAt: record.updatedAt, record: JSON.stringify(record),
      receivedAt: change.receivedAt,
    });
    insertReceipt.run(change.receipt.receiptId, record.id, change.receipt.jws, JSON.stringify(change.receipt.receipt));
    insertKey.run(record.id, change.idempotencyKey, change.requestHash, status, JSON.stringify(response));
    return { kind: 'stored', status, response };
  });

  const erase = db.transaction((id: string, owner: string | null, retain: Parameters<ConsentStore['erase']>[2]): boolean => {
    const existing = select.get(id);
    if (!existing || (existing.owner !== null && existing.owner !== owner)) return false;
    const rows = db.prepare<[string], { seq: number; receipt: string }>('SELECT seq, receipt FROM receipts WHERE record_id = ?').all(id);
    const redact = db.prepare('UPDATE receipts SET record_id = NULL, jws = NULL, erased = 1, receipt = ? WHERE seq = ?');
    for (const row of rows) redact.run(JSON.stringify(retain(JSON.parse(row.receipt))), row.seq);
    db.prepare('DELETE FROM idempotency WHERE record_id = ?').run(id);
    db.prepare('DELETE FROM consents WHERE id = ?').run(id);
    return true;
  });

  const stored = (row: { record: string; owner: string | null } | undefined): StoredConsent | null =>
    row ? { record: JSON.parse(row.record) as ConsentRecord, owner: row.owner } : null;

  return {
    async migrate() {
      db.exec(SCHEMA);
    },
    async read(id) {
      return stored(select.get(id));
    },
    async readOwned(subject) {
      return stored(selectOwned.get(subject));
    },
    async write(change) {
      return write.immediate(change);
    },
    async receipts(id, { after = 0, limit }) {
      const rows = selectReceipts.all(id, after, limit + 1);
      const receipts = rows.slice(0, limit).map((row): SignedReceipt => ({ receiptId: row.receipt_id, jws: row.jws, receipt: JSON.parse(row.receipt) }));
      return rows.length > limit ? { receipts, next: rows[limit - 1]!.seq } : { receipts };
    },
    async erase(id, owner, retain) {
      return erase.immediate(id, owner, retain);
    },
    async erasedTrail() {
      return db.prepare<[], { receipt: string }>('SELECT receipt FROM receipts WHERE erased = 1 ORDER BY seq').all()
        .map((row) => JSON.parse(row.receipt) as Record<string, unknown>);
    },
    async signingKeys() {
      return db.prepare<[], { kid: string; private_jwk: string; public_jwk: string; created_at: string }>(
        'SELECT kid, private_jwk, public_jwk, created_at FROM signing_keys ORDER BY created_at, kid').all()
        .map((row): SigningKey => ({ kid: row.kid, privateJwk: JSON.parse(row.private_jwk), publicJwk: JSON.parse(row.public_jwk), createdAt: row.created_at }));
    },
    async addSigningKey(key) {
      db.prepare('INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (kid) DO NOTHING')
        .run(key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), key.createdAt);
    },
    async ping() {
      return db.prepare('SELECT 1 AS ok').get() !== undefined;
    },
    async close() {
      db.close();
    },
  };
}

/**
 * Databases made before `/me` ordered by the endpoint's own clock get the column, filled from `updated_at`
 * (the best that is known of them), and its index.
 */
function addReceivedAt(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(consents)').all();
  if (!columns.some((column) => column.name === 'received_at')) {
    db.transaction(() => {
      db.exec('ALTER TABLE consents ADD COLUMN received_at TEXT');
      db.exec('UPDATE consents SET received_at = updated_at');
    }).immediate();
  }
  db.exec('CREATE INDEX IF NOT EXISTS consents_owner_received ON consents (owner, received_at)');
}
