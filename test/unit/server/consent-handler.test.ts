import { describe, expect, it } from 'vitest';
import { createConsentHandler } from '../../../src/server/consent-handler.js';
import type { ConsentStore } from '../../../src/server/consent-store.js';
import { createSqliteStore } from '../../../src/server/sqlite-store.js';
import { issueSubjectToken, MAX_TOKEN_LIFETIME_SECONDS } from '../../../src/server/subject-token.js';
import { RECORD_ID_A, RECORD_ID_B, putBody, record } from '../../fixtures/consent-bodies.js';
import { SECRET, testEndpoint } from '../../fixtures/endpoint.js';
import { handMadeJwt } from '../../fixtures/hand-made-jwt.js';

const path = (id = RECORD_ID_A) => `/v1/consents/${id}`;

describe('endpoint: successful answers', () => {
  it('PUT creates (201) with a signed receipt, a newer revision updates (200), GET returns the current record', async () => {
    const { call } = await testEndpoint();
    const created = await call('PUT', path(), { body: putBody() });
    expect(created.status).toBe(201);
    expect(created.json.record).toEqual(record());
    expect(created.json.receipt.jws.split('.')).toHaveLength(3);
    expect(created.json.receipt.receipt).toMatchObject({ recordId: RECORD_ID_A, jurisdiction: 'CN', revision: 1 });

    const updated = await call('PUT', path(), {
      body: putBody(record({ revision: 2, categories: { analytics: false } })),
    });
    expect(updated.status).toBe(200);
    const current = await call('GET', path());
    expect(current.status).toBe(200);
    expect(current.json).toEqual({ record: record({ revision: 2, categories: { analytics: false } }) });
    expect(current.headers.get('cache-control')).toBe('no-store');
  });

  it('repeating the same PUT is harmless: same status, same body, one receipt', async () => {
    const { call } = await testEndpoint();
    const body = putBody();
    const first = await call('PUT', path(), { body });
    const second = await call('PUT', path(), { body });
    expect(second.status).toBe(first.status);
    expect(second.text).toBe(first.text);
    expect((await call('GET', `${path()}/receipts`)).json.receipts).toHaveLength(1);
  });

  it('GET receipts lists the history oldest first', async () => {
    const { call } = await testEndpoint();
    await call('PUT', path(), { body: putBody() });
    await call('PUT', path(), { body: putBody(record({ revision: 2, method: 'banner-reject-all' })) });
    const list = await call('GET', `${path()}/receipts`);
    expect(list.status).toBe(200);
    expect(list.json.receipts.map((r: any) => [r.receipt.revision, r.receipt.collectionMethod])).toEqual([
      [1, 'preferences-save'],
      [2, 'banner-reject-all'],
    ]);
  });

  it('DELETE erases (204): the record and its receipts are gone, the retained trail has no id', async () => {
    const { call, store } = await testEndpoint();
    await call('PUT', path(), { body: putBody() });
    const erased = await call('DELETE', path());
    expect(erased.status).toBe(204);
    expect(erased.text).toBe('');
    expect((await call('GET', path())).status).toBe(404);
    expect((await call('GET', `${path()}/receipts`)).status).toBe(404);
    const trail = await store.erasedTrail();
    expect(trail).toHaveLength(1);
    expect(Object.keys(trail[0]!).sort()).toEqual(['collectionMethod', 'policy', 'purposes', 'receiptId', 'timestamp']);
    expect(JSON.stringify(trail)).not.toContain(RECORD_ID_A);
  });

  it('GET /healthz answers 200 while the store answers, and 503 when it does not', async () => {
    expect((await (await testEndpoint()).call('GET', '/healthz')).json).toEqual({ status: 'ok' });
    const broken = await testEndpoint({ store: failing(createSqliteStore(':memory:'), 'ping') });
    expect((await broken.call('GET', '/healthz')).status).toBe(503);
  });
});

describe('endpoint: bad input gets a 4xx that says what to fix', () => {
  it('400 for invalid JSON', async () => {
    const { call } = await testEndpoint();
    const answer = await call('PUT', path(), { raw: '{"record":' });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe('invalid-json');
  });

  it('400 names each failing field path', async () => {
    const { call } = await testEndpoint();
    const body = putBody() as any;
    body.record.categories.analytics = 'yes';
    body.record.revision = 0;
    body.idempotencyKey = 'short';
    body.extra = 1;
    const answer = await call('PUT', path(), { body });
    expect(answer.status).toBe(400);
    expect(answer.json.problems).toEqual(
      expect.arrayContaining([
        'record.categories.analytics: expected boolean, received string',
        'record.revision: expected ≥ 1',
        'idempotencyKey: expected 16 to 64 letters, digits, "-" or "_"',
        'unknown field "extra": remove it or check the spelling'.replace(/^/, '(root): '),
      ]),
    );
    expect((await call('GET', path())).status).toBe(404);
  });

  it('400 when the record is not the one the URL names, or its times run backwards; or the URL id is malformed', async () => {
    const { call } = await testEndpoint();
    expect((await call('PUT', path(RECORD_ID_B), { body: putBody() })).json.problems).toEqual([
      'record.id: expected the same id as in the URL',
    ]);
    const backwards = await call('PUT', path(), { body: putBody(record({ decidedAt: '2025-02-01T00:00:00.000Z' })) });
    expect(backwards.json.problems).toEqual(['record.updatedAt: expected a time at or after decidedAt']);
    const malformed = await call('PUT', '/v1/consents/not-a-uuid', { body: putBody() });
    expect([malformed.status, malformed.json.error]).toEqual([400, 'invalid-id']);
  });

  it('401 for a forged, expired or malformed subject token', async () => {
    const { call } = await testEndpoint();
    const expired = await issueSubjectToken(SECRET, 'alice', { now: Date.now() - 7_200_000 }); // expired an hour ago
    const forged = await issueSubjectToken('another-secret-that-is-long-enough-00', 'alice');
    for (const token of [expired, forged, 'garbage']) {
      const answer = await call('PUT', path(), { body: putBody(), token });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect((await call('GET', '/v1/consents/me')).status).toBe(401);
  });

  it('404 for unknown ids and unknown routes', async () => {
    const { call } = await testEndpoint();
    expect((await call('GET', path())).status).toBe(404);
    expect((await call('GET', '/v1/consents/not-a-uuid')).status).toBe(404);
    expect((await call('DELETE', path())).status).toBe(404);
    expect((await call('GET', '/v2/anything')).status).toBe(404);
  });

  it('405 with Allow for a wrong method', async () => {
    const { call } = await testEndpoint();
    const answer = await call('POST', path(), { body: putBody() });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, PUT, DELETE');
    expect((await call('PUT', '/v1/keys')).headers.get('allow')).toBe('GET');
  });

  it('409 for a revision that does not move forward, carrying the stored record', async () => {
    const { call } = await testEndpoint();
    await call('PUT', path(), { body: putBody(record({ revision: 2 })) });
    const answer = await call('PUT', path(), {
      body: putBody(record({ revision: 1, categories: { analytics: false } })),
    });
    expect(answer.status).toBe(409);
    expect(answer.json).toMatchObject({ error: 'stale-revision', record: record({ revision: 2 }) });
  });

  it('413 for a body over 16 KiB, with or without a Content-Length', async () => {
    const { call, handler } = await testEndpoint();
    const big = JSON.stringify({ ...putBody(), padding: 'x'.repeat(17 * 1024) });
    expect((await call('PUT', path(), { raw: big })).status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = await handler(
      new Request(`http://127.0.0.1${path()}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
  });

  it('415 for a body that is not JSON', async () => {
    const { call } = await testEndpoint();
    expect(
      (await call('PUT', path(), { raw: JSON.stringify(putBody()), headers: { 'content-type': 'text/plain' } })).status,
    ).toBe(415);
    expect(
      (
        await call('PUT', path(), {
          raw: JSON.stringify(putBody()),
          headers: { 'content-type': 'application/json; charset=utf-8' },
        })
      ).status,
    ).toBe(201);
  });

  it('422 when an idempotency key comes back with another body', async () => {
    const { call } = await testEndpoint();
    await call('PUT', path(), { body: putBody(record(), 'reused-key-0000000001') });
    const answer = await call('PUT', path(), { body: putBody(record({ revision: 2 }), 'reused-key-0000000001') });
    expect([answer.status, answer.json.error]).toEqual([422, 'idempotency-key-reused']);
  });

  it('429 with Retry-After past the writes allowed per id, and per client', async () => {
    let now = Date.parse('2025-01-15T10:00:00Z');
    const { call } = await testEndpoint({ writesPerMinute: 3, clientWritesPerMinute: 4, now: () => now });
    for (let revision = 1; revision <= 3; revision++) {
      expect((await call('PUT', path(), { body: putBody(record({ revision })) })).status).toBeLessThan(300);
    }
    const limited = await call('PUT', path(), { body: putBody(record({ revision: 4 })) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another id from another client is not held back; the same client is, on any id.
    expect(
      (await call('PUT', path(RECORD_ID_B), { body: putBody(record({ id: RECORD_ID_B })), client: '10.0.0.2' })).status,
    ).toBe(201);
    expect(
      (await call('PUT', path(RECORD_ID_B), { body: putBody(record({ id: RECORD_ID_B, revision: 2 })) })).status,
    ).toBe(200);
    expect((await call('DELETE', path(RECORD_ID_B), { client: '127.0.0.1' })).status).toBe(429);
    now += 60_000;
    expect((await call('PUT', path(), { body: putBody(record({ revision: 4 })) })).status).toBe(200);
  });

  it('behind a proxy, the per-client limit counts the address the proxy reports', async () => {
    const { call } = await testEndpoint({
      clientWritesPerMinute: 1,
      clientAddress: (request) => request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim(),
    });
    const via = (address: string) => ({ headers: { 'x-forwarded-for': address }, client: '10.0.0.1' });
    expect((await call('PUT', path(), { body: putBody(), ...via('203.0.113.1') })).status).toBe(201);
    expect(
      (await call('PUT', path(RECORD_ID_B), { body: putBody(record({ id: RECORD_ID_B })), ...via('203.0.113.2') }))
        .status,
    ).toBe(201);
    expect((await call('PUT', path(), { body: putBody(record({ revision: 2 })), ...via('203.0.113.1') })).status).toBe(
      429,
    );
  });

  it('503, never 500, when the store fails', async () => {
    const { call } = await testEndpoint({ store: failing(createSqliteStore(':memory:'), 'write') });
    const answer = await call('PUT', path(), { body: putBody() });
    expect([answer.status, answer.json.error]).toEqual([503, 'unavailable']);
  });
});

describe('endpoint: who may touch a record', () => {
  it("a subject token reads, changes and deletes only its own subject's record; others get exactly a 404", async () => {
    const { call } = await testEndpoint();
    const alice = await issueSubjectToken(SECRET, 'alice');
    const bob = await issueSubjectToken(SECRET, 'bob');
    expect((await call('PUT', path(), { body: putBody(), token: alice })).status).toBe(201);
    const missing = await call('GET', path(RECORD_ID_B));
    for (const attempt of [
      await call('GET', path(), { token: bob }),
      await call('GET', path()),
      await call('GET', `${path()}/receipts`, { token: bob }),
      await call('PUT', path(), { body: putBody(record({ revision: 2 })), token: bob }),
      await call('PUT', path(), { body: putBody(record({ revision: 2 })) }),
      await call('DELETE', path(), { token: bob }),
    ]) {
      expect([attempt.status, attempt.text]).toEqual([404, missing.text]);
    }
    expect((await call('GET', path(), { token: alice })).json.record).toEqual(record());
    expect((await call('GET', '/v1/consents/me', { token: alice })).json.record.id).toBe(RECORD_ID_A);
    expect((await call('GET', '/v1/consents/me', { token: bob })).status).toBe(404);
    expect((await call('DELETE', path(), { token: alice })).status).toBe(204);
  });

  it('without a configured secret every token is refused', async () => {
    const { call } = await testEndpoint({ secret: undefined });
    expect((await call('GET', path(), { token: await issueSubjectToken(SECRET, 'alice') })).status).toBe(401);
  });
});

describe('endpoint: CORS', () => {
  it('answers configured origins only, preflight included', async () => {
    const { call } = await testEndpoint({ origins: ['https://www.example.com'] });
    const allowed = await call('OPTIONS', path(), {
      headers: {
        origin: 'https://www.example.com',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PUT');
    const other = await call('GET', '/v1/keys', { headers: { origin: 'https://evil.example.net' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const none = await (await testEndpoint()).call('GET', '/v1/keys', {
      headers: { origin: 'https://www.example.com' },
    });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
  });
});

function failing(store: ConsentStore, method: 'write' | 'ping'): ConsentStore {
  return { ...store, [method]: () => Promise.reject(new Error('disk I/O error')) };
}

describe('endpoint: subject tokens', () => {
  const NOW = Date.parse('2025-02-01T00:00:00.000Z');
  const iat = NOW / 1000;
  const claims = (extra: Record<string, unknown> = {}) => ({ sub: 'alice', iat, exp: iat + 600, ...extra });
  /** The status and error code of a PUT to alice's record with this token. */
  const putWith = async (call: Awaited<ReturnType<typeof testEndpoint>>['call'], token: string) => {
    const answer = await call('PUT', path(), { body: putBody(), token });
    return [answer.status, answer.json.error ?? answer.json.record.id, answer.headers.get('www-authenticate')];
  };

  it("a token made by another backend's JWT library (plain HMAC-SHA256 here) is accepted as its subject", async () => {
    const { call, store } = await testEndpoint({ now: () => NOW });
    expect(await putWith(call, handMadeJwt(SECRET, claims()))).toEqual([201, RECORD_ID_A, null]);
    expect((await store.read(RECORD_ID_A))?.owner).toBe('alice');
    expect((await call('GET', '/v1/consents/me', { token: handMadeJwt(SECRET, claims()) })).json.record.id).toBe(
      RECORD_ID_A,
    );
  });

  it('401 invalid-token, as for a forged one, for another algorithm, no exp, too long a life, no subject or the ck1 format', async () => {
    const { call } = await testEndpoint({ now: () => NOW });
    const { exp: _exp, ...noExp } = claims();
    const { sub: _sub, ...noSub } = claims();
    const payload = handMadeJwt(SECRET, claims()).split('.')[1];
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const ck1 = `ck1.${Buffer.from(JSON.stringify({ sub: 'alice', exp: iat + 600 })).toString('base64url')}.c2lnbmF0dXJl`;
    for (const [what, token] of [
      ['alg none', `${none}.${payload}.`],
      ['alg HS512', handMadeJwt(SECRET, claims(), { alg: 'HS512', typ: 'JWT' }, 'sha512')],
      ['alg RS256', handMadeJwt(SECRET, claims(), { alg: 'RS256', typ: 'JWT' })],
      ['no exp', handMadeJwt(SECRET, noExp)],
      ['over 24 hours', handMadeJwt(SECRET, claims({ exp: iat + MAX_TOKEN_LIFETIME_SECONDS + 1 }))],
      ['no sub', handMadeJwt(SECRET, noSub)],
      ['expired', handMadeJwt(SECRET, claims({ iat: iat - 700, exp: iat - 100 }))],
      ['ck1', ck1],
    ] as const) {
      expect(await putWith(call, token), what).toEqual([401, 'invalid-token', 'Bearer']);
    }
  });

  it('with tokenAudience and tokenIssuer, only tokens carrying both are accepted', async () => {
    const scope = { tokenAudience: 'consent-kit', tokenIssuer: 'https://www.example.com' };
    const { call } = await testEndpoint({ now: () => NOW, ...scope });
    const right = { aud: scope.tokenAudience, iss: scope.tokenIssuer };
    for (const [what, extra] of [
      ['no aud or iss', {}],
      ['no aud', { iss: right.iss }],
      ['another aud', { ...right, aud: 'analytics' }],
      ['no iss', { aud: right.aud }],
      ['another iss', { ...right, iss: 'https://evil.example.net' }],
    ] as const) {
      expect(await putWith(call, handMadeJwt(SECRET, claims(extra))), what).toEqual([401, 'invalid-token', 'Bearer']);
    }
    expect(await putWith(call, handMadeJwt(SECRET, claims(right)))).toEqual([201, RECORD_ID_A, null]);
    const issued = await issueSubjectToken(SECRET, 'alice', { now: NOW, audience: right.aud, issuer: right.iss });
    expect((await call('GET', path(), { token: issued })).status).toBe(200);
  });

  it('refuses to start with a short secret, an empty audience or issuer, or either without a secret, naming the option', async () => {
    const base = { store: createSqliteStore(':memory:'), controller: { name: 'Example Ltd.' } };
    for (const [options, message] of [
      [{ secret: 'too-short' }, /^consent-kit: secret: expected at least 32 characters/],
      [{ secret: SECRET, tokenAudience: '' }, /^consent-kit: tokenAudience: expected a non-empty string/],
      [{ secret: SECRET, tokenIssuer: ' ' }, /^consent-kit: tokenIssuer: expected a non-empty string/],
      [
        { tokenAudience: 'consent-kit' },
        /^consent-kit: tokenAudience: needs secret \(subject tokens are off without it\)$/,
      ],
      [{ tokenIssuer: 'https://www.example.com' }, /^consent-kit: tokenIssuer: needs secret/],
    ] as const) {
      await expect(createConsentHandler({ ...base, ...options }), JSON.stringify(options)).rejects.toThrow(message);
    }
  });
});
