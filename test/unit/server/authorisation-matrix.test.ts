import { describe, expect, it } from 'vitest';
import { issueSubjectToken } from '../../../src/server/subject-token.js';
import { RECORD_ID_A, RECORD_ID_B, putBody, record } from '../../fixtures/consent-bodies.js';
import { SECRET, testEndpoint } from '../../fixtures/endpoint.js';

/*
 * Who may do what, spelled out: RECORD_ID_A belongs to account A (written with A's token), RECORD_ID_B is an
 * anonymous visitor's (the id is the permission). Every caller tries every operation on both, on a fresh store.
 */
const MISSING_ID = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';
const NOW = Date.parse('2025-02-01T00:00:00.000Z');

type Caller = 'anonymous' | 'token A' | 'token B' | 'expired token A' | 'forged token A';
type Operation = 'GET' | 'PUT' | 'DELETE' | 'receipts';

async function tokenOf(caller: Caller): Promise<string | undefined> {
  switch (caller) {
    case 'anonymous':
      return undefined;
    case 'token A':
      return issueSubjectToken(SECRET, 'account-a', { now: NOW });
    case 'token B':
      return issueSubjectToken(SECRET, 'account-b', { now: NOW });
    case 'expired token A':
      return issueSubjectToken(SECRET, 'account-a', { now: NOW - 7_200_000, ttlSeconds: 3600 });
    case 'forged token A': {
      // B's genuine token with its payload swapped for A's: the signature no longer matches.
      const [header, , signature] = (await issueSubjectToken(SECRET, 'account-b', { now: NOW })).split('.');
      const [, payload] = (await issueSubjectToken(`${SECRET}-but-another-one`, 'account-a', { now: NOW })).split('.');
      return `${header}.${payload}.${signature}`;
    }
  }
}

/** What each caller gets on A's record and on the anonymous record; `missing` means exactly the 404 an unknown id gets. */
const EXPECTED: Record<Caller, Record<Operation, [owned: number | 'missing', anonymous: number | 'missing']>> = {
  anonymous: { GET: ['missing', 200], PUT: ['missing', 200], DELETE: ['missing', 204], receipts: ['missing', 200] },
  'token A': { GET: [200, 200], PUT: [200, 200], DELETE: [204, 204], receipts: [200, 200] },
  'token B': { GET: ['missing', 200], PUT: ['missing', 200], DELETE: ['missing', 204], receipts: ['missing', 200] },
  'expired token A': { GET: [401, 401], PUT: [401, 401], DELETE: [401, 401], receipts: [401, 401] },
  'forged token A': { GET: [401, 401], PUT: [401, 401], DELETE: [401, 401], receipts: [401, 401] },
};

async function setUp() {
  const endpoint = await testEndpoint({ now: () => NOW });
  const owned = await endpoint.call('PUT', `/v1/consents/${RECORD_ID_A}`, {
    body: putBody(record()),
    token: await tokenOf('token A'),
  });
  const anonymous = await endpoint.call('PUT', `/v1/consents/${RECORD_ID_B}`, {
    body: putBody(record({ id: RECORD_ID_B })),
  });
  expect([owned.status, anonymous.status]).toEqual([201, 201]);
  return endpoint;
}

function request(operation: Operation, id: string, token: string | undefined) {
  const path = `/v1/consents/${id}${operation === 'receipts' ? '/receipts' : ''}`;
  const method = operation === 'receipts' ? 'GET' : operation;
  const body =
    operation === 'PUT'
      ? putBody(record({ id, revision: 2, categories: { analytics: false, marketing: true } }))
      : undefined;
  return [method, path, { body, token }] as const;
}

describe('authorisation matrix', () => {
  const cases = Object.entries(EXPECTED).flatMap(([caller, row]) =>
    Object.entries(row).map(([operation, expected]) => [caller as Caller, operation as Operation, expected] as const),
  );

  it.each(cases)(
    "%s, %s: A's record and the anonymous record answer as specified",
    async (caller, operation, [onOwned, onAnonymous]) => {
      const { call, store } = await setUp();
      const token = await tokenOf(caller);
      for (const [id, expected] of [
        [RECORD_ID_A, onOwned],
        [RECORD_ID_B, onAnonymous],
      ] as const) {
        const before = await store.read(id);
        const missing = await call(...request(operation === 'PUT' ? 'GET' : operation, MISSING_ID, token));
        const answer = await call(...request(operation, id, token));
        const what = `${caller} ${operation} ${id === RECORD_ID_A ? "A's record" : 'the anonymous record'}`;
        if (expected === 'missing') {
          // Indistinguishable from an id nobody ever used: same status, same body, byte for byte.
          expect([answer.status, answer.text], what).toEqual([404, missing.text]);
        } else {
          expect(answer.status, `${what}: ${answer.text}`).toBe(expected);
        }
        if (expected === 401) expect(answer.json.error, what).toBe('invalid-token');

        const after = await store.read(id);
        const changes = answer.status >= 200 && answer.status < 300 && (operation === 'PUT' || operation === 'DELETE');
        if (!changes) {
          expect(after, `${what}: a refused or read-only request changed the record`).toEqual(before);
        } else if (operation === 'DELETE') {
          expect(after, what).toBeNull();
        } else {
          expect(after?.record.revision, what).toBe(2);
          // Writing with a token claims an anonymous record for that account; an anonymous write never un-claims.
          expect(after?.owner, what).toBe(
            caller === 'anonymous' ? before?.owner : caller === 'token A' ? 'account-a' : 'account-b',
          );
        }
      }
    },
  );

  it("an account's own record is found by /me only with its own valid token", async () => {
    const { call } = await setUp();
    const missing = await call('GET', '/v1/consents/me', { token: await tokenOf('token B') });
    expect((await call('GET', '/v1/consents/me', { token: await tokenOf('token A') })).json.record.id).toBe(
      RECORD_ID_A,
    );
    expect(missing.status).toBe(404);
    expect((await call('GET', '/v1/consents/me')).status).toBe(401);
    for (const caller of ['expired token A', 'forged token A'] as const) {
      expect((await call('GET', '/v1/consents/me', { token: await tokenOf(caller) })).json.error, caller).toBe(
        'invalid-token',
      );
    }
  });

  it('once B claims the anonymous record, A and anonymous callers see it exactly as missing', async () => {
    const { call } = await setUp();
    expect((await call(...request('PUT', RECORD_ID_B, await tokenOf('token B')))).status).toBe(200);
    const missing = await call('GET', `/v1/consents/${MISSING_ID}`);
    for (const caller of ['anonymous', 'token A'] as const) {
      for (const operation of ['GET', 'receipts', 'DELETE'] as const) {
        const answer = await call(...request(operation, RECORD_ID_B, await tokenOf(caller)));
        expect([answer.status, answer.text], `${caller} ${operation}`).toEqual([404, missing.text]);
      }
    }
  });
});
