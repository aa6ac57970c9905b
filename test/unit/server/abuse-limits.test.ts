import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config.js';
import type { ConsentConfigError } from '../../../src/core/errors.js';
import { issueSubjectToken } from '../../../src/server/subject-token.js';
import { RECORD_ID_A, RECORD_ID_B, putBody, record } from '../../fixtures/consent-bodies.js';
import { SECRET, testEndpoint } from '../../fixtures/endpoint.js';

const path = (id = RECORD_ID_A) => `/v1/consents/${id}`;
const slugs = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const allOf = <T>(ids: string[], value: T): Record<string, T> => Object.fromEntries(ids.map((id) => [id, value]));

describe('endpoint limits: a record stays small', () => {
  it('a record with more than 32 categories, 8 contact channels or 8 topics a channel is a 400 naming the field', async () => {
    const { call } = await testEndpoint();
    const topics = allOf(slugs(8, 't'), true);
    expect(
      (
        await call('PUT', path(), {
          body: putBody(record({ categories: allOf(slugs(32, 'c'), true), contact: allOf(slugs(8, 'ch'), topics) })),
        })
      ).status,
    ).toBe(201);

    const tooMany = await call('PUT', path(RECORD_ID_B), {
      body: putBody(record({ id: RECORD_ID_B, categories: allOf(slugs(33, 'c'), true) })),
    });
    expect([tooMany.status, tooMany.json.problems]).toEqual([
      400,
      ['record.categories: expected at most 32 categories'],
    ]);
    const channels = await call('PUT', path(RECORD_ID_B), {
      body: putBody(record({ id: RECORD_ID_B, contact: allOf(slugs(9, 'ch'), {}) })),
    });
    expect(channels.json.problems).toEqual(['record.contact: expected at most 8 channels']);
    const perChannel = await call('PUT', path(RECORD_ID_B), {
      body: putBody(record({ id: RECORD_ID_B, contact: { email: allOf(slugs(9, 't'), false) } })),
    });
    expect(perChannel.json.problems).toEqual(['record.contact.email: expected at most 8 topics']);
    expect((await call('GET', path(RECORD_ID_B))).status).toBe(404);
  });

  it('a config offering more contact channels or topics than a record may hold is refused, naming the field', () => {
    const policy = { version: '2024-06', url: '/privacy' };
    const options = (n: number, prefix: string) => slugs(n, prefix).map((id) => ({ id, label: id }));
    expect(() =>
      parseConfig({ policy, contact: { channels: options(8, 'ch'), topics: options(8, 't') } }),
    ).not.toThrow();
    for (const [contact, problem] of [
      [{ channels: options(9, 'ch') }, 'contact.channels: expected at most 8 channels'],
      [{ topics: options(9, 't') }, 'contact.topics: expected at most 8 topics'],
    ] as const) {
      try {
        parseConfig({ policy, contact });
        expect.unreachable('the config was accepted');
      } catch (error) {
        expect((error as ConsentConfigError).problems).toContain(problem);
      }
    }
  });
});

describe('endpoint limits: receipts come in pages', () => {
  it('a list longer than a page answers one page at a time, with next and a Link to the following page, oldest first', async () => {
    const { call } = await testEndpoint({ receiptsPageMax: 3 });
    for (let revision = 1; revision <= 8; revision++) {
      expect((await call('PUT', path(), { body: putBody(record({ revision })) })).status).toBeLessThan(300);
    }
    const revisions: number[] = [];
    let url: string | undefined = `${path()}/receipts`;
    const pageSizes: number[] = [];
    while (url) {
      const page = await call('GET', url);
      expect(page.status).toBe(200);
      pageSizes.push(page.json.receipts.length);
      revisions.push(...page.json.receipts.map((r: any) => r.receipt.revision));
      const link = page.headers.get('link');
      if (page.json.next === undefined) {
        expect(link).toBeNull();
        url = undefined;
      } else {
        url = /^<([^>]+)>; rel="next"$/.exec(link ?? '')?.[1];
        expect(url).toBe(`${path()}/receipts?after=${page.json.next}&limit=3`);
      }
    }
    expect(pageSizes).toEqual([3, 3, 2]);
    expect(revisions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const two = await call('GET', `${path()}/receipts?limit=2`);
    expect(two.json.receipts.map((r: any) => r.receipt.revision)).toEqual([1, 2]);
  });

  it('a page size over the maximum, or a cursor that is not one, is a 400 naming the parameter', async () => {
    const { call } = await testEndpoint({ receiptsPageMax: 3 });
    await call('PUT', path(), { body: putBody() });
    for (const [query, problem] of [
      ['limit=4', 'limit: expected a whole number from 1 to 3'],
      ['limit=0', 'limit: expected a whole number from 1 to 3'],
      ['limit=1e1', 'limit: expected a whole number from 1 to 3'],
      ['after=-1', 'after: expected the "next" value of the previous page'],
      ['after=abc', 'after: expected the "next" value of the previous page'],
    ]) {
      const answer = await call('GET', `${path()}/receipts?${query}`);
      expect([answer.status, answer.json.error, answer.json.problems], query).toEqual([
        400,
        'invalid-query',
        [problem],
      ]);
    }
  });
});

describe('endpoint limits: every route is rate limited', () => {
  it("reads spend the client's read budget on every route, and answer 429 with Retry-After past it", async () => {
    for (const route of ['/healthz', '/v1/keys', path(), `${path()}/receipts`]) {
      const { call } = await testEndpoint({ readsPerMinute: 2 });
      await call('GET', route);
      await call('GET', route);
      const limited = await call('GET', route);
      expect([limited.status, limited.json.error], route).toEqual([429, 'rate-limited']);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await call('GET', route, { client: '10.0.0.9' })).status, `${route} from another client`).not.toBe(429);
    }
    const { call } = await testEndpoint({ readsPerMinute: 1 });
    const token = await issueSubjectToken(SECRET, 'alice');
    await call('GET', '/v1/consents/me', { token });
    expect((await call('GET', '/v1/consents/me', { token })).status).toBe(429);
  });
});

describe('endpoint order of checks: caller, ownership, then budget', () => {
  it("strangers' writes to an account's record spend only their own budget: the owner can still withdraw and erase", async () => {
    const { call } = await testEndpoint({ writesPerMinute: 3, clientWritesPerMinute: 5 });
    const alice = await issueSubjectToken(SECRET, 'alice');
    expect((await call('PUT', path(), { body: putBody(), token: alice, client: '10.0.0.1' })).status).toBe(201);
    const stranger = await call('PUT', path(), { body: putBody(record({ revision: 9 })), client: '10.0.0.66' });
    expect(stranger.status).toBe(404);
    // Many strangers, each from its own address, each well within its own budget.
    for (let n = 0; n < 10; n++) {
      const client = `10.0.1.${n}`;
      expect((await call('PUT', path(), { body: putBody(record({ revision: 9 })), client })).text).toBe(stranger.text);
      expect(
        (await call('DELETE', path(), { token: await issueSubjectToken(SECRET, `mallory-${n}`), client })).status,
      ).toBe(404);
    }
    expect(
      (
        await call('PUT', path(), {
          body: putBody(record({ revision: 2, categories: { analytics: false } })),
          token: alice,
          client: '10.0.0.1',
        })
      ).status,
    ).toBe(200);
    expect((await call('DELETE', path(), { token: alice, client: '10.0.0.1' })).status).toBe(204);
  });

  it('a stranger who keeps trying is held back by their own client budget', async () => {
    const { call } = await testEndpoint({ writesPerMinute: 100, clientWritesPerMinute: 2 });
    await call('PUT', path(), { body: putBody(), token: await issueSubjectToken(SECRET, 'alice'), client: '10.0.0.1' });
    const tries = [];
    for (let n = 0; n < 3; n++)
      tries.push((await call('PUT', path(), { body: putBody(record({ revision: 2 })), client: '10.0.0.66' })).status);
    expect(tries).toEqual([404, 404, 429]);
  });

  it("a replayed idempotency key answers only the record's owner; to anyone else exactly like a missing id", async () => {
    const { call } = await testEndpoint();
    const alice = await issueSubjectToken(SECRET, 'alice');
    const body = putBody(record(), 'alice-key-000000000001');
    const first = await call('PUT', path(), { body, token: alice });
    expect(first.status).toBe(201);
    const missing = await call('GET', path(RECORD_ID_B));
    const otherBody = putBody(record({ revision: 2 }), 'alice-key-000000000001');
    for (const attempt of [
      await call('PUT', path(), { body }),
      await call('PUT', path(), { body, token: await issueSubjectToken(SECRET, 'bob') }),
      await call('PUT', path(), { body: otherBody }),
      await call('PUT', path(), { body: otherBody, token: await issueSubjectToken(SECRET, 'bob') }),
    ]) {
      expect([attempt.status, attempt.text]).toEqual([404, missing.text]);
      expect(attempt.text).not.toContain('alice');
    }
    const replay = await call('PUT', path(), { body, token: alice });
    expect([replay.status, replay.text]).toEqual([201, first.text]);
  });
});
