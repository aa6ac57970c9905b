import pg from 'pg';
import type { ConsentRecord } from '../schema/consent-record.js';
import type { ConsentStore, SigningKey, StoredConsent, WriteOutcome } from './consent-store.js';
import { planWrite, type StoredKey, type StoredRow } from './plan-write.js';
import { receiptOfJws, signedReceiptOf } from './receipt-of-jws.js';

/*
 * Plain tables, TEXT for JSON and no server-side functions or advisory locks, so the same SQL runs on
 * PostgreSQL and on Postgres-compatible distributed engines (CockroachDB, YugabyteDB).
 */
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS consents (
     id TEXT PRIMARY KEY, owner TEXT, revision INTEGER NOT NULL, updated_at TEXT NOT NULL, record TEXT NOT NULL)`,
  // Receipts are stored once, as their JWS; `receipt` holds only what an erasure kept of one.
  `CREATE TABLE IF NOT EXISTS receipts (
     receipt_id TEXT PRIMARY KEY, record_id TEXT, seq BIGINT NOT NULL, jws TEXT, receipt TEXT,
     erased BOOLEAN NOT NULL DEFAULT FALSE)`,
  'CREATE INDEX IF NOT EXISTS receipts_record ON receipts (record_id, seq)',
  // Idempotency keys point at their receipt instead of holding a copy of the answer, and expire.
  'DROP TABLE IF EXISTS idempotency',
  `CREATE TABLE IF NOT EXISTS idempotency_keys (
     record_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
     receipt_id TEXT NOT NULL, record TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (record_id, key))`,
  'CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at)',
  // Databases made before `/me` ordered by the endpoint's own clock: filled from updated_at, the best known of them.
  'ALTER TABLE consents ADD COLUMN IF NOT EXISTS received_at TEXT',
  'UPDATE consents SET received_at = updated_at WHERE received_at IS NULL',
  'CREATE INDEX IF NOT EXISTS consents_owner_received ON consents (owner, received_at)',
  // `/me` no longer orders by the client's updatedAt; the index on it only cost every write.
  'DROP INDEX IF EXISTS consents_owner',
  `CREATE TABLE IF NOT EXISTS signing_keys (
     kid TEXT PRIMARY KEY, private_jwk TEXT NOT NULL, public_jwk TEXT NOT NULL, created_at TEXT NOT NULL)`,
];

/** Databases made before receipts were stored once: the JSON copy of each live receipt goes (the JWS holds it). */
const STORE_RECEIPTS_ONCE = [
  'ALTER TABLE receipts ALTER COLUMN receipt DROP NOT NULL',
  'UPDATE receipts SET receipt = NULL WHERE NOT erased',
];

/**
 * Several processes starting together on a new database race to create the same tables: PostgreSQL then
 * refuses the loser's `CREATE … IF NOT EXISTS` (its catalog's unique index, or "already exists"). Once the
 * winner is done the statement is a no-op, so it is run again.
 */
async function idempotentDdl(run: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run();
      return;
    } catch (error) {
      if (attempt >= 5 || !['23505', '42P07', '42710', '40P01'].includes((error as { code?: string }).code ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt + 4)));
    }
  }
}

const VACUUM_EVERY_MS = 10 * 60_000;

/** SQLSTATEs after which the whole transaction is simply run again. */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 30;
/**
 * Writes to different records still conflict when their index entries share a page, so many visitors at once
 * keep colliding if all retry at once: each retry waits a random time up to a doubling ceiling (full jitter).
 */
const retryDelayMs = (attempt: number) => Math.random() * Math.min(500, 2 ** attempt);

/**
 * The store for deployments that outgrow one machine: PostgreSQL through `pg`. Every write runs in one
 * SERIALIZABLE transaction with the record row locked, retried on serialisation failures, and PostgreSQL
 * commits durably (`synchronous_commit` on, its default) before `write()` resolves.
 */
export function createPostgresStore(connection: string | pg.PoolConfig): ConsentStore {
  const pool = new pg.Pool(typeof connection === 'string' ? { connectionString: connection, max: 10 } : connection);
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
      } finally {
        client.release();
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt)));
    }
  }

  let lastVacuum = -Infinity;
  let vacuumTimer: ReturnType<typeof setTimeout> | undefined;
  let canVacuum = true;
  /**
   * An erasure leaves the person's rows as dead row versions until VACUUM removes them. A plain VACUUM of the
   * three tables that held them reads and writes nothing else a request waits for, so it runs in the
   * background within ten minutes of an erasure, at most once in that time however many there were. Where
   * it cannot run (an engine without VACUUM, a role that may not), autovacuum is left to do it.
   */
  const vacuumSoon = () => {
    if (!canVacuum || vacuumTimer) return;
    vacuumTimer = setTimeout(() => {
      vacuumTimer = undefined;
      lastVacuum = Date.now();
      pool.query('VACUUM consents, receipts, idempotency_keys').catch(() => {
        canVacuum = false;
      });
    }, Math.max(0, lastVacuum + VACUUM_EVERY_MS - Date.now()));
    vacuumTimer.unref?.();
  };

  const stored = (row: StoredRow | undefined): StoredConsent | null =>
    row ? { record: JSON.parse(row.record) as ConsentRecord, owner: row.owner } : null;

  return {
    async migrate() {
      for (const statement of SCHEMA) await idempotentDdl(() => pool.query(statement));
      const { rows } = await pool.query<{ is_nullable: string }>(
        `SELECT is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'receipts' AND column_name = 'receipt'`);
      if (rows[0]?.is_nullable === 'NO') for (const statement of STORE_RECEIPTS_ONCE) await pool.query(statement);
    },
    async read(id) {
      return stored((await pool.query<StoredRow>('SELECT record, owner FROM consents WHERE id = $1', [id])).rows[0]);
    },
    async readOwned(subject) {
      const result = await pool.query<StoredRow>(
        'SELECT record, owner FROM consents WHERE owner = $1 ORDER BY received_at DESC, revision DESC LIMIT 1', [subject]);
      return stored(result.rows[0]);
    },
    write(change) {
      return transaction(async (client): Promise<WriteOutcome> => {
        const { record } = change;
        const existing = (await client.query<StoredRow>('SELECT record, owner FROM consents WHERE id = $1 FOR UPDATE', [record.id])).rows[0];
        const key = (await client.query<StoredKey>(
          `SELECT k.request_hash, k.status, k.record, k.created_at, r.receipt_id, r.jws
           FROM idempotency_keys k JOIN receipts r ON r.receipt_id = k.receipt_id WHERE k.record_id = $1 AND k.key = $2`,
          [record.id, change.idempotencyKey])).rows[0];
        const plan = planWrite(change, existing, key);
        if (plan.kind !== 'store') return plan;
        const { status, response } = plan;
        if (key) await client.query('DELETE FROM idempotency_keys WHERE record_id = $1 AND key = $2', [record.id, change.idempotencyKey]);
        await client.query(
          `INSERT INTO consents (id, owner, revision, updated_at, record, received_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (id) DO UPDATE SET owner = EXCLUDED.owner, revision = EXCLUDED.revision,
             updated_at = EXCLUDED.updated_at, record = EXCLUDED.record, received_at = EXCLUDED.received_at`,
          [record.id, plan.owner, record.revision, record.updatedAt, JSON.stringify(record), change.receivedAt]);
        await client.query(
          `INSERT INTO receipts (receipt_id, record_id, seq, jws)
           VALUES ($1, $2, (SELECT COALESCE(MAX(seq), 0) + 1 FROM receipts WHERE record_id = $2), $3)`,
          [change.receipt.receiptId, record.id, change.receipt.jws]);
        await client.query(
          'INSERT INTO idempotency_keys (record_id, key, request_hash, status, receipt_id, record, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [record.id, change.idempotencyKey, change.requestHash, status, change.receipt.receiptId, JSON.stringify(record), change.receivedAt]);
        return { kind: 'stored', status, response };
      });
    },
    async receipts(id, { after = 0, limit }) {
      const { rows } = await pool.query<{ seq: string; receipt_id: string; jws: string }>(
        'SELECT seq, receipt_id, jws FROM receipts WHERE record_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [id, after, limit + 1]);
      const receipts = rows.slice(0, limit).map((row) => signedReceiptOf(row.receipt_id, row.jws));
      return rows.length > limit ? { receipts, next: Number(rows[limit - 1]!.seq) } : { receipts };
    },
    erase(id, owner, retain) {
      return transaction(async (client) => {
        const existing = (await client.query<StoredRow>('SELECT record, owner FROM consents WHERE id = $1 FOR UPDATE', [id])).rows[0];
        if (!existing || (existing.owner !== null && existing.owner !== owner)) return false;
        const rows = (await client.query<{ receipt_id: string; jws: string }>(
          'SELECT receipt_id, jws FROM receipts WHERE record_id = $1', [id])).rows;
        for (const row of rows) {
          await client.query('UPDATE receipts SET record_id = NULL, jws = NULL, erased = TRUE, receipt = $1 WHERE receipt_id = $2',
            [JSON.stringify(retain(receiptOfJws(row.jws))), row.receipt_id]);
        }
        await client.query('DELETE FROM idempotency_keys WHERE record_id = $1', [id]);
        await client.query('DELETE FROM consents WHERE id = $1', [id]);
        return true;
      }).then((erased) => {
        if (erased) vacuumSoon();
        return erased;
      });
    },
    async pruneKeys(before, limit) {
      const result = await pool.query(
        `DELETE FROM idempotency_keys WHERE (record_id, key) IN
           (SELECT record_id, key FROM idempotency_keys WHERE created_at < $1 LIMIT $2)`, [before, limit]);
      return result.rowCount ?? 0;
    },
    async erasedTrail() {
      const result = await pool.query<{ receipt: string }>('SELECT receipt FROM receipts WHERE erased ORDER BY receipt_id');
      return result.rows.map((row) => JSON.parse(row.receipt) as Record<string, unknown>);
    },
    async signingKeys() {
      const result = await pool.query<{ kid: string; private_jwk: string; public_jwk: string; created_at: string }>(
        'SELECT kid, private_jwk, public_jwk, created_at FROM signing_keys ORDER BY created_at, kid');
      return result.rows.map((row): SigningKey => ({
        kid: row.kid, privateJwk: JSON.parse(row.private_jwk), publicJwk: JSON.parse(row.public_jwk), createdAt: row.created_at,
      }));
    },
    async addSigningKey(key) {
      await pool.query(
        'INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (kid) DO NOTHING',
        [key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), key.createdAt]);
    },
    async retireSigningKeys() {
      await pool.query("UPDATE signing_keys SET private_jwk = 'null'");
    },
    async hasReceipts() {
      return (await pool.query('SELECT 1 FROM receipts LIMIT 1')).rowCount === 1;
    },
    async ping() {
      return (await pool.query('SELECT 1 AS ok')).rowCount === 1;
    },
    async close() {
      clearTimeout(vacuumTimer);
      canVacuum = false;
      await pool.end();
    },
  };
}
