import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a valid subject token says: which account, and until when (Unix seconds). */
export interface SubjectClaims {
  sub: string;
  exp: number;
}

const PREFIX = 'ck1';
const MAX_SUBJECT_LENGTH = 200;

/**
 * Issues a subject token for a signed-in account, for the operator's own backend to hand to its pages:
 * `ck1.<base64url {sub, exp}>.<base64url HMAC-SHA256>`. The endpoint lets the holder read, change and delete
 * only that subject's records, and only until it expires (default: 1 hour). The secret must be the one the
 * endpoint runs with; it never leaves the server.
 */
export function issueSubjectToken(
  secret: string,
  subject: string,
  options: { ttlSeconds?: number; now?: number } = {},
): string {
  if (secret.length < 32) throw new TypeError('consent-kit: the subject-token secret must be at least 32 characters');
  if (subject.length === 0 || subject.length > MAX_SUBJECT_LENGTH) {
    throw new TypeError(`consent-kit: a subject must be 1 to ${MAX_SUBJECT_LENGTH} characters`);
  }
  const exp = Math.floor((options.now ?? Date.now()) / 1000) + (options.ttlSeconds ?? 3600);
  const payload = Buffer.from(JSON.stringify({ sub: subject, exp } satisfies SubjectClaims)).toString('base64url');
  return `${PREFIX}.${payload}.${sign(secret, payload)}`;
}

/**
 * The claims of a token this secret signed and that has not expired, or `null` for anything else
 * (malformed, forged, expired). Never throws; compares signatures in constant time.
 */
export function verifySubjectToken(secret: string, token: string, now = Date.now()): SubjectClaims | null {
  const [prefix, payload, signature, extra] = token.split('.');
  if (prefix !== PREFIX || !payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SubjectClaims>;
    if (typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > MAX_SUBJECT_LENGTH) return null;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null;
    return { sub: claims.sub, exp: claims.exp };
  } catch {
    return null;
  }
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`${PREFIX}.${payload}`).digest('base64url');
}
