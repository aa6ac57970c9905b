import Database from 'better-sqlite3';
import type { ConsentStore, ConsentWrite, SigningKey, WriteOutcome } from './consent-store.js';
import { planWrite, storedConsentOf, type StoredKey, type StoredRow } from './plan-write.js';
import { keepPrivate } from './private-file.js';
import { receiptOfJws, signedReceiptOf } from './receipt-of-jws.js';
import { type Commit, durableCommits } from './sqlite-commits.js';
import { migrateSqlite } from './sqlite-schema.js';

/**
 * The embedded store: one SQLite file through better-sqlite3, readable by its owner only (0600, with its WAL).
 *
 * Durability with group commit: WAL mode with `synchronous = NORMAL` lets a commit return without a disk
 * sync; the store then syncs the WAL itself, on a worker thread, and resolves the writes of that commit only
 * once the sync returned. Writes arriving meanwhile go into the next commit, so one sync serves them all.
 * A write that resolved survives a crash or power loss. (A read may see a write a few milliseconds before it
 * is on disk and answered; a power loss in that window loses it, as it would the unanswered write.)
 *
 * Checkpoints (copying the WAL into the database file) run on a worker thread of their own
 * (wal-checkpointer.ts), not on the thread that answers requests.
 *
 * Erasure erases: `secure_delete` overwrites deleted rows with zeros, and each erasure is followed by a
 * checkpoint that empties the WAL, so an erased record is in neither file.
 */
export function createSqliteStore(path: string): ConsentStore {
  const inMemory = path === ':memory:' || path === '';
  const db = openDatabase(path, inMemory);
  const statements = prepareStatements(db);
  const { select, selectOwned, selectReceipts, pruneKeys } = statements;
  const { writeOne, eraseOne, erasedSinceLastAsked } = changeTransactions(db, statements);
  const { commit, closeWal } = durableCommits(db, path, inMemory, erasedSinceLastAsked);

  return {
    async migrate() {
      migrateSqlite(db);
    },
    async read(id) {
      return storedConsentOf(select.get(id));
    },
    async readOwned(subject) {
      return storedConsentOf(selectOwned.get(subject));
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
      return db
        .prepare<[], { receipt: string }>('SELECT receipt FROM receipts WHERE erased = 1 ORDER BY seq')
        .all()
        .map((row) => JSON.parse(row.receipt) as Record<string, unknown>);
    },
    ...signingKeyMethods(db, commit),
    async hasReceipts() {
      return db.prepare('SELECT 1 FROM receipts LIMIT 1').get() !== undefined;
    },
    async ping() {
      return db.prepare('SELECT 1 AS ok').get() !== undefined;
    },
    async close() {
      // A write still in its batch finishes first; closing checkpoints and removes the WAL.
      await commit(() => undefined);
      await closeWal(() => db.close());
    },
  };
}

/** The database file made private, opened in WAL mode with zeroing deletes, its tables in this version's layout. */
function openDatabase(path: string, inMemory: boolean): Database.Database {
  if (!inMemory) keepPrivate(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);
  return db;
}

/** The statements the requests run, prepared once. */
function prepareStatements(db: Database.Database) {
  return {
    select: db.prepare<[string], StoredRow>('SELECT record, owner FROM consents WHERE id = ?'),
    selectOwned: db.prepare<[string], StoredRow>(
      'SELECT record, owner FROM consents WHERE owner = ? ORDER BY received_at DESC, revision DESC LIMIT 1',
    ),
    selectKey: db.prepare<[string, string], StoredKey>(
      `SELECT k.request_hash, k.status, k.record, k.created_at, r.receipt_id, r.jws
       FROM idempotency_keys k JOIN receipts r ON r.seq = k.receipt_seq WHERE k.record_id = ? AND k.key = ?`,
    ),
    upsert: db.prepare(
      `INSERT INTO consents (id, owner, revision, updated_at, record, received_at)
       VALUES (@id, @owner, @revision, @updatedAt, @record, @receivedAt)
       ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, revision = excluded.revision,
         updated_at = excluded.updated_at, record = excluded.record, received_at = excluded.received_at`,
    ),
    insertReceipt: db.prepare('INSERT INTO receipts (receipt_id, record_id, jws) VALUES (?, ?, ?)'),
    insertKey: db.prepare(
      'INSERT OR REPLACE INTO idempotency_keys (record_id, key, request_hash, status, receipt_seq, record, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    selectReceipts: db.prepare<[string, number, number], { seq: number; receipt_id: string; jws: string }>(
      'SELECT seq, receipt_id, jws FROM receipts WHERE record_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    pruneKeys: db.prepare(
      `DELETE FROM idempotency_keys WHERE (record_id, key) IN
         (SELECT record_id, key FROM idempotency_keys WHERE created_at < ? LIMIT ?)`,
    ),
  };
}

/**
 * A write and an erasure, each its own savepoint inside the batch's transaction, so one that fails leaves the
 * others intact; and whether an erasure ran since last asked (its batch must then be checkpointed).
 */
function changeTransactions(db: Database.Database, statements: ReturnType<typeof prepareStatements>) {
  const { select, selectKey, upsert, insertReceipt, insertKey } = statements;
  const writeOne = db.transaction((change: ConsentWrite): WriteOutcome => {
    const { record } = change;
    const plan = planWrite(change, select.get(record.id), selectKey.get(record.id, change.idempotencyKey));
    if (plan.kind !== 'store') return plan;
    const recordJson = JSON.stringify(record);
    upsert.run({
      id: record.id,
      owner: plan.owner,
      revision: record.revision,
      updatedAt: record.updatedAt,
      record: recordJson,
      receivedAt: change.receivedAt,
    });
    const { lastInsertRowid: receiptSeq } = insertReceipt.run(change.receipt.receiptId, record.id, change.receipt.jws);
    insertKey.run(
      record.id,
      change.idempotencyKey,
      change.requestHash,
      plan.status,
      receiptSeq,
      recordJson,
      change.receivedAt,
    );
    return { kind: 'stored', status: plan.status, response: plan.response };
  });

  let erased = false;
  const eraseOne = db.transaction(
    (id: string, owner: string | null, retain: Parameters<ConsentStore['erase']>[2]): boolean => {
      const existing = select.get(id);
      if (!existing || (existing.owner !== null && existing.owner !== owner)) return false;
      const rows = db
        .prepare<[string], { seq: number; jws: string }>('SELECT seq, jws FROM receipts WHERE record_id = ?')
        .all(id);
      const redact = db.prepare(
        'UPDATE receipts SET record_id = NULL, jws = NULL, erased = 1, receipt = ? WHERE seq = ?',
      );
      for (const row of rows) redact.run(JSON.stringify(retain(receiptOfJws(row.jws))), row.seq);
      db.prepare('DELETE FROM idempotency_keys WHERE record_id = ?').run(id);
      db.prepare('DELETE FROM consents WHERE id = ?').run(id);
      erased = true;
      return true;
    },
  );

  const erasedSinceLastAsked = () => {
    const answer = erased;
    erased = false;
    return answer;
  };
  return { writeOne, eraseOne, erasedSinceLastAsked };
}

/** The signing keys' part of the store: read, added and retired through the group commit like every write. */
function signingKeyMethods(
  db: Database.Database,
  commit: Commit,
): Pick<ConsentStore, 'signingKeys' | 'addSigningKey' | 'retireSigningKeys'> {
  return {
    async signingKeys() {
      return db
        .prepare<[], { kid: string; private_jwk: string; public_jwk: string; created_at: string }>(
          'SELECT kid, private_jwk, public_jwk, created_at FROM signing_keys ORDER BY created_at, kid',
        )
        .all()
        .map(
          (row): SigningKey => ({
            kid: row.kid,
            privateJwk: JSON.parse(row.private_jwk),
            publicJwk: JSON.parse(row.public_jwk),
            createdAt: row.created_at,
          }),
        );
    },
    addSigningKey(key) {
      return commit(() => {
        db.prepare(
          'INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (kid) DO NOTHING',
        ).run(key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), key.createdAt);
      });
    },
    retireSigningKeys() {
      return commit(() => {
        db.prepare("UPDATE signing_keys SET private_jwk = 'null'").run();
      });
    },
  };
}
