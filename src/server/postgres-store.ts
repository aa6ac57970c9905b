import pg from 'pg';
import type { ConsentStore, ConsentWrite, SigningKey, WriteOutcome } from './consent-store.js';
import { planWrite, storedConsentOf, type StoredKey, type StoredRow } from './plan-write.js';
import { migratePostgres } from './postgres-schema.js';
import { serializableTransaction } from './postgres-transaction.js';
import { receiptOfJws, signedReceiptOf } from './receipt-of-jws.js';

const VACUUM_EVERY_MS = 10 * 60_000;

/**
 * The store for deployments that outgrow one machine: PostgreSQL through `pg`. Every write runs in one
 * SERIALIZABLE transaction with the record row locked, retried on serialisation failures, and PostgreSQL
 * commits durably (`synchronous_commit` on, its default) before `write()` resolves.
 */
export function createPostgresStore(connection: string | pg.PoolConfig): ConsentStore {
  const pool = new pg.Pool(typeof connection === 'string' ? { connectionString: connection, max: 10 } : connection);
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const vacuum = vacuumAfterErasures(pool);

  return {
    migrate() {
      return migratePostgres(pool);
    },
    write(change) {
      return serializableTransaction(pool, (client) => writeChange(client, change));
    },
    erase(id, owner, retain) {
      return serializableTransaction(pool, (client) => eraseRecord(client, id, owner, retain)).then((erased) => {
        if (erased) vacuum.soon();
        return erased;
      });
    },
    async pruneKeys(before, limit) {
      const result = await pool.query(
        `DELETE FROM idempotency_keys WHERE (record_id, key) IN
           (SELECT record_id, key FROM idempotency_keys WHERE created_at < $1 LIMIT $2)`,
        [before, limit],
      );
      return result.rowCount ?? 0;
    },
    ...readMethods(pool),
    ...signingKeyMethods(pool),
    async hasReceipts() {
      return (await pool.query('SELECT 1 FROM receipts LIMIT 1')).rowCount === 1;
    },
    async ping() {
      return (await pool.query('SELECT 1 AS ok')).rowCount === 1;
    },
    async close() {
      vacuum.stop();
      await pool.end();
    },
  };
}

/** One write, inside its transaction: the record row locked, the rules of {@link planWrite}, then the three rows. */
async function writeChange(client: pg.PoolClient, change: ConsentWrite): Promise<WriteOutcome> {
  const { record } = change;
  const existing = (
    await client.query<StoredRow>('SELECT record, owner FROM consents WHERE id = $1 FOR UPDATE', [record.id])
  ).rows[0];
  const key = (
    await client.query<StoredKey>(
      `SELECT k.request_hash, k.status, k.record, k.created_at, r.receipt_id, r.jws
     FROM idempotency_keys k JOIN receipts r ON r.receipt_id = k.receipt_id WHERE k.record_id = $1 AND k.key = $2`,
      [record.id, change.idempotencyKey],
    )
  ).rows[0];
  const plan = planWrite(change, existing, key);
  if (plan.kind !== 'store') return plan;
  const { status, response } = plan;
  const recordJson = JSON.stringify(record);
  if (key)
    await client.query('DELETE FROM idempotency_keys WHERE record_id = $1 AND key = $2', [
      record.id,
      change.idempotencyKey,
    ]);
  await client.query(
    `INSERT INTO consents (id, owner, revision, updated_at, record, received_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET owner = EXCLUDED.owner, revision = EXCLUDED.revision,
       updated_at = EXCLUDED.updated_at, record = EXCLUDED.record, received_at = EXCLUDED.received_at`,
    [record.id, plan.owner, record.revision, record.updatedAt, recordJson, change.receivedAt],
  );
  await client.query(
    `INSERT INTO receipts (receipt_id, record_id, seq, jws)
     VALUES ($1, $2, (SELECT COALESCE(MAX(seq), 0) + 1 FROM receipts WHERE record_id = $2), $3)`,
    [change.receipt.receiptId, record.id, change.receipt.jws],
  );
  await client.query(
    'INSERT INTO idempotency_keys (record_id, key, request_hash, status, receipt_id, record, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [
      record.id,
      change.idempotencyKey,
      change.requestHash,
      status,
      change.receipt.receiptId,
      recordJson,
      change.receivedAt,
    ],
  );
  return { kind: 'stored', status, response };
}

/** One erasure, inside its transaction; `false` when the id is missing or another account's (see `ConsentStore.erase`). */
async function eraseRecord(
  client: pg.PoolClient,
  id: string,
  owner: string | null,
  retain: Parameters<ConsentStore['erase']>[2],
): Promise<boolean> {
  const existing = (await client.query<StoredRow>('SELECT record, owner FROM consents WHERE id = $1 FOR UPDATE', [id]))
    .rows[0];
  if (!existing || (existing.owner !== null && existing.owner !== owner)) return false;
  const rows = (
    await client.query<{ receipt_id: string; jws: string }>(
      'SELECT receipt_id, jws FROM receipts WHERE record_id = $1',
      [id],
    )
  ).rows;
  for (const row of rows) {
    await client.query(
      'UPDATE receipts SET record_id = NULL, jws = NULL, erased = TRUE, receipt = $1 WHERE receipt_id = $2',
      [JSON.stringify(retain(receiptOfJws(row.jws))), row.receipt_id],
    );
  }
  await client.query('DELETE FROM idempotency_keys WHERE record_id = $1', [id]);
  await client.query('DELETE FROM consents WHERE id = $1', [id]);
  return true;
}

/**
 * An erasure leaves the person's rows as dead row versions until VACUUM removes them. A plain VACUUM of the
 * three tables that held them reads and writes nothing else a request waits for, so it runs in the
 * background within ten minutes of an erasure (`soon()`), at most once in that time however many there were.
 * Where it cannot run (an engine without VACUUM, a role that may not), autovacuum is left to do it.
 */
function vacuumAfterErasures(pool: pg.Pool): { soon: () => void; stop: () => void } {
  let lastVacuum = -Infinity;
  let vacuumTimer: ReturnType<typeof setTimeout> | undefined;
  let canVacuum = true;
  return {
    soon() {
      if (!canVacuum || vacuumTimer) return;
      vacuumTimer = setTimeout(
        () => {
          vacuumTimer = undefined;
          lastVacuum = Date.now();
          pool.query('VACUUM consents, receipts, idempotency_keys').catch(() => {
            canVacuum = false;
          });
        },
        Math.max(0, lastVacuum + VACUUM_EVERY_MS - Date.now()),
      );
      vacuumTimer.unref?.();
    },
    stop() {
      clearTimeout(vacuumTimer);
      canVacuum = false;
    },
  };
}

/** The signing keys' part of the store. */
function signingKeyMethods(pool: pg.Pool): Pick<ConsentStore, 'signingKeys' | 'addSigningKey' | 'retireSigningKeys'> {
  return {
    async signingKeys() {
      const result = await pool.query<{ kid: string; private_jwk: string; public_jwk: string; created_at: string }>(
        'SELECT kid, private_jwk, public_jwk, created_at FROM signing_keys ORDER BY created_at, kid',
      );
      return result.rows.map(
        (row): SigningKey => ({
          kid: row.kid,
          privateJwk: JSON.parse(row.private_jwk),
          publicJwk: JSON.parse(row.public_jwk),
          createdAt: row.created_at,
        }),
      );
    },
    async addSigningKey(key) {
      await pool.query(
        'INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (kid) DO NOTHING',
        [key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), key.createdAt],
      );
    },
    async retireSigningKeys() {
      await pool.query("UPDATE signing_keys SET private_jwk = 'null'");
    },
  };
}

/** The store's reads: records, an account's latest record, receipts page by page, what erasures kept. */
function readMethods(pool: pg.Pool): Pick<ConsentStore, 'read' | 'readOwned' | 'receipts' | 'erasedTrail'> {
  return {
    async read(id) {
      return storedConsentOf(
        (await pool.query<StoredRow>('SELECT record, owner FROM consents WHERE id = $1', [id])).rows[0],
      );
    },
    async readOwned(subject) {
      const result = await pool.query<StoredRow>(
        'SELECT record, owner FROM consents WHERE owner = $1 ORDER BY received_at DESC, revision DESC LIMIT 1',
        [subject],
      );
      return storedConsentOf(result.rows[0]);
    },
    async receipts(id, { after = 0, limit }) {
      const { rows } = await pool.query<{ seq: string; receipt_id: string; jws: string }>(
        'SELECT seq, receipt_id, jws FROM receipts WHERE record_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [id, after, limit + 1],
      );
      const receipts = rows.slice(0, limit).map((row) => signedReceiptOf(row.receipt_id, row.jws));
      return rows.length > limit ? { receipts, next: Number(rows[limit - 1]!.seq) } : { receipts };
    },
    async erasedTrail() {
      const result = await pool.query<{ receipt: string }>(
        'SELECT receipt FROM receipts WHERE erased ORDER BY receipt_id',
      );
      return result.rows.map((row) => JSON.parse(row.receipt) as Record<string, unknown>);
    },
  };
}
