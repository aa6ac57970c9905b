import type pg from 'pg';

/** SQLSTATEs after which the whole transaction is simply run again. */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 30;

/**
 * Writes to different records still conflict when their index entries share a page, so many visitors at once
 * keep colliding if all retry at once: each retry waits a random time up to a doubling ceiling (full jitter).
 */
export const retryDelayMs = (attempt: number) => Math.random() * Math.min(500, 2 ** attempt);

/**
 * Runs `work` in one SERIALIZABLE transaction on a client of the pool, and runs it again (after a
 * {@link retryDelayMs} pause) when PostgreSQL refuses it for a serialisation failure, a deadlock or a
 * unique-key race; any other error, or the 30th refusal, is thrown.
 */
export async function serializableTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
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
