import type pg from 'pg';
import { retryDelayMs } from './postgres-transaction.js';

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

/** Creates the PostgreSQL store's tables, and brings databases made by earlier versions to this layout. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  for (const statement of SCHEMA) await idempotentDdl(() => pool.query(statement));
  const { rows } = await pool.query<{ is_nullable: string }>(
    `SELECT is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'receipts' AND column_name = 'receipt'`,
  );
  if (rows[0]?.is_nullable === 'NO') for (const statement of STORE_RECEIPTS_ONCE) await pool.query(statement);
}

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
      if (attempt >= 5 || !['23505', '42P07', '42710', '40P01'].includes((error as { code?: string }).code ?? ''))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt + 4)));
    }
  }
}
