import { describe, expect, it } from 'vitest';
import { issueSubjectToken, verifySubjectToken } from '../../../src/server/subject-token.js';

const secret = 'a-secret-of-at-least-thirty-two-chars';
const now = Date.parse('2025-01-15T10:00:00Z');

describe('subject tokens', () => {
  it('verify with the same secret until they expire', () => {
    const token = issueSubjectToken(secret, 'account-42', { ttlSeconds: 60, now });
    expect(verifySubjectToken(secret, token, now)).toEqual({ sub: 'account-42', exp: now / 1000 + 60 });
    expect(verifySubjectToken(secret, token, now + 59_000)?.sub).toBe('account-42');
    expect(verifySubjectToken(secret, token, now + 60_000)).toBeNull();
  });

  it('refuse another secret, an edited subject and malformed text', () => {
    const token = issueSubjectToken(secret, 'alice', { now });
    expect(verifySubjectToken(`${secret}!`, token, now)).toBeNull();
    const [prefix, , signature] = token.split('.');
    const edited = Buffer.from(JSON.stringify({ sub: 'bob', exp: now / 1000 + 3600 })).toString('base64url');
    expect(verifySubjectToken(secret, `${prefix}.${edited}.${signature}`, now)).toBeNull();
    for (const bad of ['', 'ck1', 'ck1..', `${token}.extra`, 'Bearer x']) expect(verifySubjectToken(secret, bad, now)).toBeNull();
  });

  it('refuse to issue with a short secret or an empty subject', () => {
    expect(() => issueSubjectToken('short', 'alice')).toThrow(/at least 32 characters/);
    expect(() => issueSubjectToken(secret, '')).toThrow(/1 to 200 characters/);
  });
});
