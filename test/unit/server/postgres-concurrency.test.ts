import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../../src/server/postgres-store.js';
import type { ConsentStore } from '../../../src/server/consent-store.js';
import { putBody, record } from '../../fixtures/consent-bodies.js';
import { testEndpoint } from '../../fixtures/endpoint.js';
import { dropPostgresSchema, freshPostgresSchema } from '../../fixtures/postgres.js';

/*
 * Many visitors deciding at once touch different records; SERIALIZABLE may still see their inserts into the
 * same index pages as conflicts. Those are retried inside the store: a visitor must never see them.
 */
describe('PostgreSQL under concurrent writes', () => {
  let config: pg.PoolConfig | undefined;
  let store: ConsentStore | undefined;
  beforeAll(async () => {
    config = await freshPostgresSchema('concurrency');
    if (config) store = createPostgresStore(config);
  });
  afterAll(async () => {
    await store?.close();
    await dropPostgresSchema(config);
  });

  it('16 clients writing different records at once: every write is answered 2xx', async (context) => {
    if (!store) return context.skip();
    const { call } = await testEndpoint({ store, writesPerMinute: 1e9, clientWritesPerMinute: 1e9 });
    const statuses = new Map<number, number>();
    const client = async () => {
      for (let i = 0; i < 15; i++) {
        const id = crypto.randomUUID();
        for (let revision = 1; revision <= 2; revision++) {
          const { status } = await call('PUT', `/v1/consents/${id}`, { body: putBody(record({ id, revision })) });
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, client));
    expect(Object.fromEntries(statuses)).toEqual({ 201: 240, 200: 240 });
  }, 60_000);
});
