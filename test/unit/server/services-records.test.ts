import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { receiptOfJws } from '../../../src/server/receipt-of-jws.js';
import type { ConsentRecord } from '../../../src/schema/consent-record.js';
import type { ConsentStore } from '../../../src/server/consent-store.js';
import { createPostgresStore } from '../../../src/server/postgres-store.js';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import { issueSubjectToken } from '../../../src/server/subject-token.js';
import { putBody, record } from '../../fixtures/consent-bodies.js';
import { SECRET, testEndpoint } from '../../fixtures/endpoint.js';
import { dropPostgresSchema, freshPostgresSchema } from '../../fixtures/postgres.js';

/** Analytics granted in part (Clarity on, Baidu Tongji off), marketing denied whole. */
const partly = (overrides: Partial<ConsentRecord> = {}) =>
  record({
    id: crypto.randomUUID(),
    categories: { analytics: false, marketing: false },
    services: { analytics: { clarity: true, 'baidu-tongji': false } },
    ...overrides,
  });

/** What a receipt says of each purpose, as `purpose: status`. */
const statuses = (receipt: { purposes: { purpose: string; status: string }[] }) =>
  receipt.purposes.map((p) => `${p.purpose}: ${p.status}`);

/** The round trips every store keeps for a record with services. */
function servicesRoundTrip(open: () => Promise<ConsentStore | undefined>) {
  const endpoint = async (ctx: { skip: () => void }) => {
    const store = await open();
    if (!store) ctx.skip();
    return testEndpoint({ store });
  };

  it('a PUT with services comes back the same from GET, /me and the stored receipt', async (ctx) => {
    const { call, store } = await endpoint(ctx);
    const token = await issueSubjectToken(SECRET, `services-${crypto.randomUUID()}`);
    const sent = partly();
    const path = `/v1/consents/${sent.id}`;
    const put = await call('PUT', path, { body: putBody(sent), token });
    expect(put.status).toBe(201);
    expect(put.json.record).toEqual(sent);
    expect((await call('GET', path, { token })).json.record).toEqual(sent);
    expect((await call('GET', '/v1/consents/me', { token })).json.record).toEqual(sent);
    expect((await store.read(sent.id))?.record).toEqual(sent);

    const [stored] = (await call('GET', `${path}/receipts`, { token })).json.receipts;
    expect(stored.receipt).toEqual(put.json.receipt.receipt);
    expect(receiptOfJws(stored.jws)).toEqual(stored.receipt);
    expect(statuses(stored.receipt)).toEqual([
      'analytics/clarity: granted',
      'analytics/baidu-tongji: denied',
      'marketing: denied',
      'contact:email:offers: denied',
      'contact:email:feedback: granted',
    ]);
    await store.close();
  });

  it('a later revision granting the category whole lists it as one purpose again, with no services', async (ctx) => {
    const { call, store } = await endpoint(ctx);
    const first = partly();
    const path = `/v1/consents/${first.id}`;
    await call('PUT', path, { body: putBody(first) });
    const whole = record({ id: first.id, revision: 2, categories: { analytics: true, marketing: false } });
    expect((await call('PUT', path, { body: putBody(whole) })).status).toBe(200);
    const read = (await call('GET', path)).json.record;
    expect(read).toEqual(whole);
    expect(read).not.toHaveProperty('services');
    const receipts = (await call('GET', `${path}/receipts`)).json.receipts;
    expect(statuses(receipts[1].receipt).slice(0, 2)).toEqual(['analytics: granted', 'marketing: denied']);
    await store.close();
  });
}

describe('services on the endpoint, SQLite store', () => {
  servicesRoundTrip(async () => createSqliteStore(':memory:'));
});

describe('services on the endpoint, PostgreSQL store', () => {
  let config: pg.PoolConfig | undefined;
  let checked = false;
  afterAll(() => dropPostgresSchema(config));
  servicesRoundTrip(async () => {
    if (!checked) [config, checked] = [await freshPostgresSchema('services'), true];
    return config && createPostgresStore(config);
  });
});

describe('services on the endpoint: what it refuses, and what it accepts', () => {
  const many = (count: number, prefix: string) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, i > 0]));
  const problemsOf = async (services: unknown, categories: Record<string, boolean> = { analytics: false }) => {
    const { call } = await testEndpoint();
    const sent = { ...partly({ categories }), services } as ConsentRecord;
    const answer = await call('PUT', `/v1/consents/${sent.id}`, { body: putBody(sent) });
    expect([answer.status, answer.json.error]).toEqual([400, 'invalid-body']);
    expect((await call('GET', `/v1/consents/${sent.id}`)).status).toBe(404);
    return answer.json.problems;
  };

  it('400 for more than 16 services in one category, naming the category', async () => {
    expect(await problemsOf({ analytics: many(17, 's') })).toEqual([
      'record.services.analytics: expected at most 16 services in a category',
    ]);
  });

  it('400 for more than 64 services in all', async () => {
    const categories = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((c) => [c, false]));
    const services = { a: many(16, 'a'), b: many(16, 'b'), c: many(16, 'c'), d: many(16, 'd'), e: many(2, 'e') };
    expect(await problemsOf(services, categories)).toEqual(['record.services: expected at most 64 services in all']);
  });

  it('400 for ids of the wrong shape, naming the id and the shape expected', async () => {
    const hint = 'expected a lowercase id: a letter, then letters, digits or "-", at most 32 characters';
    expect(await problemsOf({ analytics: { Clarity_2: true, x: false } })).toEqual([
      expect.stringMatching(new RegExp(`^record\\.services\\.analytics\\.Clarity_2: invalid key: ${hint}`)),
    ]);
    expect(await problemsOf({ 'analytics/clarity': { x: true } })).toEqual([
      expect.stringContaining('record.services.analytics/clarity: invalid key: expected a lowercase id'),
    ]);
    expect(await problemsOf({ analytics: { clarity: 'yes' } })).toEqual([
      'record.services.analytics.clarity: expected boolean, received string',
    ]);
  });

  it('400 for services of a category not granted in part: they would contradict the category', async () => {
    const expected = [expect.stringMatching(/^record\.services\.analytics: expected only a category granted in part/)];
    expect(await problemsOf({ analytics: { clarity: true, x: false } }, { analytics: true })).toEqual(expected);
    expect(await problemsOf({ analytics: { clarity: true, x: true } })).toEqual(expected);
    expect(await problemsOf({ analytics: { clarity: false, x: false } })).toEqual(expected);
    expect(await problemsOf({ analytics: { clarity: true, x: false } }, {})).toEqual(expected);
  });

  it('accepts the largest record the limits allow, and its receipt stays within 160 purposes and 24 kB', async () => {
    const { call } = await testEndpoint();
    const id = (prefix: string, i: number) => `${prefix}${i}`.padEnd(32, 'x');
    const categories = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [id('c', i), i >= 4]));
    const services = Object.fromEntries([0, 1, 2, 3].map((c) => [id('c', c), many(16, id('s', c).slice(0, 30))]));
    const topics = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [id('t', i), true]));
    const contact = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [id('h', i), topics]));
    const largest = partly({ categories, services, contact, method: 'embed' });
    const answer = await call('PUT', `/v1/consents/${largest.id}`, { body: putBody(largest) });
    expect(answer.status).toBe(201);
    const { receipt } = answer.json.receipt;
    expect(receipt.collectionMethod).toBe('embed');
    expect(receipt.purposes).toHaveLength(28 + 64 + 64);
    expect(JSON.stringify(receipt).length).toBeLessThan(24 * 1024);
  });

  it("flags a service's purpose for separate consent when its category needs it, by option or by the notice", async () => {
    for (const [options, notice] of [
      [{ separateConsent: ['analytics'] }, {}],
      [{}, { separateConsent: ['analytics'] }],
    ] as const) {
      const { call } = await testEndpoint(options);
      const sent = partly();
      const body = putBody(sent);
      const answer = await call('PUT', `/v1/consents/${sent.id}`, {
        body: { ...body, notice: { ...body.notice, ...notice } },
      });
      const flags = answer.json.receipt.receipt.purposes.map((p: any) => `${p.purpose}: ${p.separateConsent}`);
      expect(flags.slice(0, 3)).toEqual([
        'analytics/clarity: true',
        'analytics/baidu-tongji: true',
        'marketing: false',
      ]);
    }
  });

  it('accepts method "embed", the choice made on an embed\'s placeholder', async () => {
    const { call } = await testEndpoint();
    const sent = partly({ method: 'embed' });
    const answer = await call('PUT', `/v1/consents/${sent.id}`, { body: putBody(sent) });
    expect(answer.status).toBe(201);
    expect(answer.json.receipt.receipt.collectionMethod).toBe('embed');
  });
});
