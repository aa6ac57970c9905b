import Database from 'better-sqlite3';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ConsentRecord } from '../schema/consent-record.js';
import type { ConsentStore, ConsentWrite, SigningKey, StoredConsent, WriteOutcome } from './consent-store.js';
import { groupCommit } from './group-commit.js';
import { planWrite, type StoredKey, type StoredRow } from './plan-write.js';
import { keepPrivate } from './private-file.js';
import { receiptOfJws, signedReceiptOf } from './receipt-of-jws.js';

/*
 * Receipts are stored once, as their JWS; `receipt` holds only what an erasure kept of one. Idempotency keys
 * point at their receipt instead of holding a copy of the answer, and expire. Every index is one more random
 * page each write dirties (and the WAL syncs): receipts are found by record and sequence only (their ids are
 * random UUIDs made here, so unique by construction, and sequence numbers only grow since receipts are never
 * deleted), and idempotency keys are a table keyed by record and key, with no rowid beside it.
 */
const RECEIPTS_COLUMNS = `
  seq INTEGER PRIMARY KEY, receipt_id TEXT NOT NULL, record_id TEXT, jws TEXT, receipt TEXT, erased INTEGER NOT NULL DEFAULT 0`;
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS consents (
    id TEXT PRIMARY KEY, owner TEXT, revision INTEGER NOT NULL, updated_at TEXT NOT NULL, record TEXT NOT NULL,
    received_at TEXT);
  CREATE TABLE IF NOT EXISTS receipts (${RECEIPTS_COLUMNS});
  CREATE INDEX IF NOT EXISTS receipts_record ON receipts (record_id, seq);
  DROP TABLE IF EXISTS idempotency;
  CREATE TABLE IF NOT EXISTS idempotency_keys (
    record_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
    receipt_seq INTEGER NOT NULL, record TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (record_id, key)) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at);
  CREATE TABLE IF NOT EXISTS signing_keys (
    kid TEXT PRIMARY KEY, private_jwk TEXT NOT NULL, public_jwk TEXT NOT NULL, created_at TEXT NOT NULL);
`;

/**
 * The embedded store: one SQLite file through better-sqlite3, readable by its owner only (0600, with its WAL).
 *
 * Durability with group commit: WAL mode with `synchronous = NORMAL` lets a commit return without a disk
 * sync; the store then syncs the WAL itself, on a worker thread, and resolves the writes of that commit only
 * once the sync returned. Writes arriving meanwhile go into the next commit, so one sync serves them all.
 * A write that resolved survives a crash or power loss. (A read may see a write a few milliseconds before it
 * is on disk and answered; a power loss in that window loses it, as it would the unanswered write.)
 *
 * Erasure erases: `secure_delete` overwrites deleted rows with zeros, and each erasure is followed by a
 * checkpoint that empties the WAL, so an erased record is in neither file.
 */
export function createSqliteStore(path: string): ConsentStore {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) keepPrivate(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const select = db.prepare<[string], StoredRow>('SELECT record, owner FROM consents WHERE id = ?');
  const selectOwned = db.prepare<[string], StoredRow>(
    'SELECT record, owner FROM consents WHERE owner = ? ORDER BY received_at DESC, revision DESC LIMIT 1');
  const selectKey = db.prepare<[string, string], StoredKey>(
    `SELECT k.request_hash, k.status, k.record, k.created_at, r.receipt_id, r.jws
     FROM idempotency_keys k JOIN receipts r ON r.seq = k.receipt_seq WHERE k.record_id = ? AND k.key = ?`);
  const upsert = db.prepare(
    `INSERT INTO consents (id, owner, revision, updated_at, record, received_at)
     VALUES (@id, @owner, @revision, @updatedAt, @record, @receivedAt)
     ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, revision = excluded.revision,
       updated_at = excluded.updated_at, record = excluded.record, received_at = excluded.received_at`);
  const insertReceipt = db.prepare('INSERT INTO receipts (receipt_id, record_id, jws) VALUES (?, ?, ?)');
  const insertKey = db.prepare(
    'INSERT OR REPLACE INTO idempotency_keys (record_id, key, request_hash, status, receipt_seq, record, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const selectReceipts = db.prepare<[string, number, number], { seq: number; receipt_id: string; jws: string }>(
    'SELECT seq, receipt_id, jws FROM receipts WHERE record_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  const pruneKeys = db.prepare(
    `DELETE FROM idempotency_keys WHERE (record_id, key) IN
       (SELECT record_id, key FROM idempotency_keys WHERE created_at < ? LIMIT ?)`);

  // Each write is its own savepoint inside the batch's transaction: one that fails leaves the others intact.
  const writeOne = db.transaction((change: ConsentWrite): WriteOutcome => {
    const { record } = change;
    const plan = planWrite(change, select.get(record.id), selectKey.get(record.id, change.idempotencyKey));
    if (plan.kind !== 'store') return plan;
    upsert.run({
      id: record.id, owner: plan.owner, revision: record.revision, updatedAt: record.updatedAt, record: JSON.stringify(record),
      receivedAt: change.receivedAt,
    });
    const { lastInsertRowid: receiptSeq } = insertReceipt.run(change.receipt.receiptId, record.id, change.receipt.jws);
    insertKey.run(record.id, change.idempotencyKey, change.requestHash, plan.status, receiptSeq, JSON.stringify(record), change.receivedAt);
    return { kind: 'stored', status: plan.status, response: plan.response };
  });

  let erasedInBatch = false;
  const eraseOne = db.transaction((id: string, owner: string | null, retain: Parameters<ConsentStore['erase']>[2]): boolean => {
    const existing = select.get(id);
    if (!existing || (existing.owner !== null && existing.owner !== owner)) return false;
    const rows = db.prepare<[string], { seq: number; jws: string }>('SELECT seq, jws FROM receipts WHERE record_id = ?').all(id);
    const redact = db.prepare('UPDATE receipts SET record_id = NULL, jws = NULL, erased = 1, receipt = ? WHERE seq = ?');
    for (const row of rows) redact.run(JSON.stringify(retain(receiptOfJws(row.jws))), row.seq);
    db.prepare('DELETE FROM idempotency_keys WHERE record_id = ?').run(id);
    db.prepare('DELETE FROM consents WHERE id = ?').run(id);
    erasedInBatch = true;
    return true;
  });

  let wal: Promise<FileHandle> | undefined;
  /** The WAL, opened once the first commit made it, with its directory entry synced (a new file needs both). */
  const walFile = () => (wal ??= (async () => {
    const handle = await open(`${path}-wal`, 'r');
    const dir = await open(dirname(path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    return handle;
  })().catch((error: unknown) => {
    wal = undefined;
    throw error;
  }));
  const commit = groupCommit(
    (batch) => {
      db.transaction(batch).immediate();
      if (erasedInBatch) {
        erasedInBatch = false;
        // Copies everything into the database file (synced) and empties the WAL, which held the erased rows.
        db.pragma('wal_checkpoint(TRUNCATE)');
      }
    },
    async () => {
      // fdatasync, as SQLite itself syncs: the data and the file's size, not its times.
      if (!inMemory) await (await walFile()).datasync();
    },
  );

  const stored = (row: StoredRow | undefined): StoredConsent | null =>
    row ? { record: JSON.parse(row.record) as ConsentRecord, owner: row.owner } : null;

  return {
    async migrate() {
      migrate(db);
    },
    async read(id) {
      return stored(select.get(id));
    },
    async readOwned(subject) {
      return stored(selectOwned.get(subject));
    },
    write(change) {
      return commit(() => writeOne(change));
    },
    async receipts(id, { after = 0, limit }) {
      const rows = selectReceipts.all(id, after, limit + 1);
      const receipts = rows.slice(0, limit).map((row) => signedReceiptOf(row.receipt_id, row.jws));
      return rows.length > limit ? { receipts, next: rows[limit - 1]!.seq } : { receipts };
    },
    erase(id, owner, retain) {
      return commit(() => eraseOne(id, owner, retain));
    },
    pruneKeys(before, limit) {
      return commit(() => pruneKeys.run(before, limit).changes);
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
    addSigningKey(key) {
      return commit(() => {
        db.prepare('INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (kid) DO NOTHING')
          .run(key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), key.createdAt);
      });
    },
    retireSigningKeys() {
      return commit(() => {
        db.prepare("UPDATE signing_keys SET private_jwk = 'null'").run();
      });
    },
    async hasReceipts() {
      return db.prepare('SELECT 1 FROM receipts LIMIT 1').get() !== undefined;
    },
    async ping() {
      return db.prepare('SELECT 1 AS ok').get() !== undefined;
    },
    async close() {
      // A write still in its batch finishes first; closing checkpoints and removes the WAL.
      await commit(() => undefined);
      db.close();
      await (await wal?.catch(() => undefined))?.close();
    },
  };
}

/** Creates the tables, and brings databases made by earlier versions to this layout. */
function migrate(db: Database.Database): void {
  db.transaction(() => {
    const columns = (table: string) => db.prepare<[], { name: string; notnull: number }>(`PRAGMA table_info(${table})`).all();
    const receiptsBefore = columns('receipts');
    const consentsBefore = columns('consents');
    db.exec(SCHEMA);
    // Before receipts were stored once: the JSON copy of each live receipt goes (the JWS holds it).
    if (receiptsBefore.some((column) => column.name === 'receipt' && column.notnull === 1)) {
      db.exec(`
        CREATE TABLE receipts_once (${RECEIPTS_COLUMNS});
        INSERT INTO receipts_once SELECT seq, receipt_id, record_id, jws, CASE WHEN erased = 1 THEN receipt END, erased FROM receipts;
        DROP TABLE receipts;
        ALTER TABLE receipts_once RENAME TO receipts;
        CREATE INDEX receipts_record ON receipts (record_id, seq);`);
    }
    // Before /me ordered by the endpoint's own clock: filled from updated_at, the best that is known of them.
    if (consentsBefore.length > 0 && !consentsBefore.some((column) => column.name === 'received_at')) {
      db.exec('ALTER TABLE consents ADD COLUMN received_at TEXT; UPDATE consents SET received_at = updated_at');
    }
    db.exec('CREATE INDEX IF NOT EXISTS consents_owner_received ON consents (owner, received_at)');
    // `/me` no longer orders by the client's updatedAt; the index on it only cost every write.
    db.exec('DROP INDEX IF EXISTS consents_owner');
  }).immediate();
}
