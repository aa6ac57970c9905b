import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  issueSubjectToken,
  MAX_TOKEN_LIFETIME_SECONDS,
  TOKEN_CLOCK_TOLERANCE_SECONDS,
  verifySubjectToken,
} from '../../../src/server/subject-token.js';
import { decodedJwt, handMadeJwt } from '../../fixtures/hand-made-jwt.js';

const secret = 'a-secret-of-at-least-thirty-two-chars';
const now = Date.parse('2025-01-15T10:00:00Z');
const iat = now / 1000;
/** Claims as another language's library would write them for a one-hour token issued now. */
const claims = (extra: Record<string, unknown> = {}) => ({ sub: 'account-42', iat, exp: iat + 3600, ...extra });

describe('subject tokens', () => {
  it('verify with the same secret until they expire, give or take the clock tolerance', async () => {
    const token = await issueSubjectToken(secret, 'account-42', { ttlSeconds: 60, now });
    expect(await verifySubjectToken(secret, token, { now })).toEqual({ sub: 'account-42', iat, exp: iat + 60 });
    expect((await verifySubjectToken(secret, token, { now: now + 59_000 }))?.sub).toBe('account-42');
    const tolerance = TOKEN_CLOCK_TOLERANCE_SECONDS * 1000;
    expect((await verifySubjectToken(secret, token, { now: now + 60_000 + tolerance - 1000 }))?.sub).toBe('account-42');
    expect(await verifySubjectToken(secret, token, { now: now + 60_000 + tolerance })).toBeNull();
  });

  it('are standard HS256 JWTs: the header says so and a plain HMAC-SHA256 of the first two parts is the signature', async () => {
    const token = await issueSubjectToken(secret, 'account-42', {
      now,
      audience: 'consent-kit',
      issuer: 'https://www.example.com',
    });
    const { header, claims: issued, signature } = decodedJwt(token);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(issued).toEqual(claims({ aud: 'consent-kit', iss: 'https://www.example.com' }));
    expect(signature).toBe(
      createHmac('sha256', secret).update(token.split('.').slice(0, 2).join('.')).digest('base64url'),
    );
  });

  it('accept a token made by any JWT library: here, plain HMAC-SHA256 code', async () => {
    expect(await verifySubjectToken(secret, handMadeJwt(secret, claims()), { now })).toEqual(claims());
    // Libraries differ in what else they write: no `typ`, extra claims, an `aud` list.
    const other = handMadeJwt(secret, claims({ jti: 'x1', aud: ['consent-kit', 'api'] }), { alg: 'HS256' });
    expect((await verifySubjectToken(secret, other, { now, audience: 'consent-kit' }))?.sub).toBe('account-42');
  });

  it('refuse another secret, an edited subject and malformed text', async () => {
    const token = await issueSubjectToken(secret, 'alice', { now });
    expect(await verifySubjectToken(`${secret}!`, token, { now })).toBeNull();
    const [header, , signature] = token.split('.');
    const edited = Buffer.from(JSON.stringify({ sub: 'bob', iat, exp: iat + 3600 })).toString('base64url');
    expect(await verifySubjectToken(secret, `${header}.${edited}.${signature}`, { now })).toBeNull();
    for (const bad of ['', 'ck1', 'a.b', 'a..', '..', `${token}.extra`, `Bearer ${token}`, 'x'.repeat(20_000)]) {
      expect(await verifySubjectToken(secret, bad, { now }), bad.slice(0, 40)).toBeNull();
    }
  });

  it('refuse every algorithm but HS256: none, HS512, and an RS256 header over an HMAC', async () => {
    const [header, payload] = handMadeJwt(secret, claims()).split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(header).not.toBe(none);
    for (const [what, token] of [
      ['alg none, no signature', `${none}.${payload}.`],
      ['alg none, with the HS256 signature', `${none}.${payload}.${handMadeJwt(secret, claims()).split('.')[2]}`],
      ['alg HS512', handMadeJwt(secret, claims(), { alg: 'HS512', typ: 'JWT' }, 'sha512')],
      ['alg RS256 over an HMAC', handMadeJwt(secret, claims(), { alg: 'RS256', typ: 'JWT' })],
      ['no alg', handMadeJwt(secret, claims(), { typ: 'JWT' })],
    ] as const) {
      expect(await verifySubjectToken(secret, token, { now }), what).toBeNull();
    }
  });

  it('refuse a token without sub, iat or exp, or with a subject that is empty, too long or not a string', async () => {
    const { sub: _sub, ...noSub } = claims();
    const { iat: _iat, ...noIat } = claims();
    const { exp: _exp, ...noExp } = claims();
    for (const [what, body] of [
      ['no sub', noSub],
      ['no iat', noIat],
      ['no exp', noExp],
      ['empty sub', claims({ sub: '' })],
      ['sub of 201 characters', claims({ sub: 'a'.repeat(201) })],
      ['numeric sub', claims({ sub: 42 })],
      ['exp as text', claims({ exp: String(iat + 3600) })],
    ] as const) {
      expect(await verifySubjectToken(secret, handMadeJwt(secret, body), { now }), what).toBeNull();
    }
    expect(
      (await verifySubjectToken(secret, handMadeJwt(secret, claims({ sub: 'a'.repeat(200) })), { now }))?.sub,
    ).toHaveLength(200);
  });

  it('refuse a lifetime over 24 hours, an issue time in the future, and a token not yet valid (nbf)', async () => {
    const max = MAX_TOKEN_LIFETIME_SECONDS;
    expect(max).toBe(24 * 3600);
    expect((await verifySubjectToken(secret, handMadeJwt(secret, claims({ exp: iat + max })), { now }))?.sub).toBe(
      'account-42',
    );
    expect(await verifySubjectToken(secret, handMadeJwt(secret, claims({ exp: iat + max + 1 })), { now })).toBeNull();
    const later = iat + 3600;
    expect(
      await verifySubjectToken(secret, handMadeJwt(secret, claims({ iat: later, exp: later + 60 })), { now }),
    ).toBeNull();
    expect(await verifySubjectToken(secret, handMadeJwt(secret, claims({ nbf: later })), { now })).toBeNull();
    // Within the clock tolerance, an issuer whose clock runs a little ahead is still believed.
    const ahead = iat + TOKEN_CLOCK_TOLERANCE_SECONDS - 1;
    expect(
      (await verifySubjectToken(secret, handMadeJwt(secret, claims({ iat: ahead, exp: ahead + 60 })), { now }))?.sub,
    ).toBe('account-42');
  });

  it('when an audience or issuer is set, refuse tokens without it or with another one', async () => {
    const scope = { audience: 'consent-kit', issuer: 'https://www.example.com' };
    const right = { aud: scope.audience, iss: scope.issuer };
    expect((await verifySubjectToken(secret, handMadeJwt(secret, claims(right)), { now, ...scope }))?.sub).toBe(
      'account-42',
    );
    for (const [what, body] of [
      ['no aud', claims({ iss: right.iss })],
      ['another aud', claims({ ...right, aud: 'analytics' })],
      ['an aud list without it', claims({ ...right, aud: ['analytics', 'api'] })],
      ['no iss', claims({ aud: right.aud })],
      ['another iss', claims({ ...right, iss: 'https://evil.example.net' })],
    ] as const) {
      expect(await verifySubjectToken(secret, handMadeJwt(secret, body), { now, ...scope }), what).toBeNull();
    }
    // Without a configured scope, a token's aud and iss are not checked.
    expect(
      (await verifySubjectToken(secret, handMadeJwt(secret, claims({ aud: 'analytics', iss: 'x' })), { now }))?.sub,
    ).toBe('account-42');
  });

  it('refuse the earlier ck1 format, even correctly signed', async () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'alice', exp: iat + 3600 })).toString('base64url');
    const signature = createHmac('sha256', secret).update(`ck1.${payload}`).digest('base64url');
    expect(await verifySubjectToken(secret, `ck1.${payload}.${signature}`, { now })).toBeNull();
  });

  it('never throw: a short or missing secret verifies nothing', async () => {
    const token = handMadeJwt('short', claims());
    expect(await verifySubjectToken('short', token, { now })).toBeNull();
    expect(await verifySubjectToken(undefined as unknown as string, token, { now })).toBeNull();
  });

  it('refuse to issue with a short secret, a bad subject, a lifetime out of range or an empty audience, naming the field', async () => {
    await expect(issueSubjectToken('short', 'alice')).rejects.toThrow(/secret: expected at least 32 characters/);
    // process.env.CONSENT_KIT_SECRET when it is not set:
    await expect(issueSubjectToken(undefined as unknown as string, 'alice')).rejects.toThrow(
      /secret: expected at least 32 characters/,
    );
    await expect(issueSubjectToken(secret, '')).rejects.toThrow(/subject: expected 1 to 200 characters/);
    await expect(issueSubjectToken(secret, 'a'.repeat(201))).rejects.toThrow(/subject: expected 1 to 200 characters/);
    for (const ttlSeconds of [0, -1, 1.5, MAX_TOKEN_LIFETIME_SECONDS + 1]) {
      await expect(issueSubjectToken(secret, 'alice', { ttlSeconds }), String(ttlSeconds)).rejects.toThrow(
        /ttlSeconds: expected a whole number from 1 to 86400/,
      );
    }
    await expect(issueSubjectToken(secret, 'alice', { audience: '' })).rejects.toThrow(
      /audience: expected a non-empty string/,
    );
    await expect(issueSubjectToken(secret, 'alice', { issuer: ' ' })).rejects.toThrow(
      /issuer: expected a non-empty string/,
    );
  });
});
