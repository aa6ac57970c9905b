import { jwtVerify, SignJWT } from 'jose';

// Subject tokens are standard JWTs (RFC 7519) signed with HS256, so a site's backend in any language can
// mint them with its usual JWT library; docs/subject-tokens.md has the claims and examples.

/** What a valid subject token says: which account, when it was issued and until when (Unix seconds). */
export interface SubjectClaims {
  sub: string;
  iat: number;
  exp: number;
}

/** Whom tokens are meant for and who issues them; each one set must be carried by every token. */
export interface SubjectTokenScope {
  /** The `aud` claim tokens must carry (a token may list several audiences; one must be this). */
  audience?: string;
  /** The `iss` claim tokens must carry. */
  issuer?: string;
}

/** The shortest secret accepted: HS256 keys need at least 256 bits. */
export const MIN_SECRET_LENGTH = 32;
/** The longest lifetime (`exp` − `iat`) a token may have: a stolen token is useful for a day at most. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;
/** How far the issuer's clock and the endpoint's may disagree when `exp`, `iat` and `nbf` are checked. */
export const TOKEN_CLOCK_TOLERANCE_SECONDS = 30;
const MAX_SUBJECT_LENGTH = 200;
const ALGORITHM = 'HS256';
const encoder = new TextEncoder();

/**
 * Issues a subject token for a signed-in account, for the operator's own backend to hand to its pages: an
 * HS256 JWT with `sub`, `iat`, `exp` and, when given, `aud` and `iss`. The endpoint lets the holder read,
 * change and delete only that subject's records, and only until it expires (default: 1 hour, at most
 * {@link MAX_TOKEN_LIFETIME_SECONDS}). The secret must be the one the endpoint runs with; it never leaves
 * the server.
 *
 * Throws a `TypeError` naming the field for a short secret, a subject that is empty or over 200 characters,
 * a lifetime out of range, or an empty audience or issuer.
 */
export async function issueSubjectToken(
  secret: string,
  subject: string,
  options: SubjectTokenScope & { ttlSeconds?: number; now?: number } = {},
): Promise<string> {
  // Unlike the endpoint, issuing cannot do without a secret: a missing one is reported as too short.
  const problem = tokenSettingsProblem(
    { ...options, secret: secret ?? '' },
    { secret: 'secret', audience: 'audience', issuer: 'issuer' },
  );
  if (problem) throw new TypeError(`consent-kit: ${problem}`);
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > MAX_SUBJECT_LENGTH) {
    throw new TypeError(`consent-kit: subject: expected 1 to ${MAX_SUBJECT_LENGTH} characters (the account's id)`);
  }
  const ttl = options.ttlSeconds ?? 3600;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new TypeError(
      `consent-kit: ttlSeconds: expected a whole number from 1 to ${MAX_TOKEN_LIFETIME_SECONDS} (the endpoint refuses tokens that live longer than 24 hours)`,
    );
  }
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const jwt = new SignJWT()
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(subject)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl);
  if (options.audience !== undefined) jwt.setAudience(options.audience);
  if (options.issuer !== undefined) jwt.setIssuer(options.issuer);
  return jwt.sign(encoder.encode(secret));
}

/**
 * The claims of a token this secret signed with HS256 that holds now, or `null` for anything else:
 * malformed, forged, signed with another algorithm (`none` included), expired, without `sub`, `iat` or
 * `exp`, living longer than {@link MAX_TOKEN_LIFETIME_SECONDS}, issued in the future, or without the
 * audience or issuer the scope asks for. `now` is in milliseconds. Never throws.
 */
export async function verifySubjectToken(
  secret: string,
  token: string,
  options: SubjectTokenScope & { now?: number } = {},
): Promise<SubjectClaims | null> {
  if (secretProblem(secret, 'secret')) return null;
  try {
    const { payload } = await jwtVerify(token, await verificationKey(secret), {
      algorithms: [ALGORITHM],
      // Also refuses an `iat` later than now (beyond the tolerance), so `exp` is at most a day away.
      maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
      clockTolerance: TOKEN_CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(options.now ?? Date.now()),
      audience: options.audience,
      issuer: options.issuer,
    });
    const { sub, iat, exp } = payload;
    // jose has checked that `iat` and `exp`, when present, are numbers and hold now; here they must be present.
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_SUBJECT_LENGTH) return null;
    if (iat === undefined || exp === undefined || exp - iat > MAX_TOKEN_LIFETIME_SECONDS) return null;
    return { sub, iat, exp };
  } catch {
    return null;
  }
}

let lastKey: { secret: string; key: Promise<CryptoKey> } | undefined;

/**
 * The secret as an HMAC key, imported once for the secret an endpoint keeps using: handed the raw bytes,
 * jose would import them on every request, which doubles the time a check takes.
 */
function verificationKey(secret: string): Promise<CryptoKey> {
  if (lastKey?.secret !== secret) {
    const key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    lastKey = { secret, key };
  }
  return lastKey.key;
}

/** The token settings an endpoint runs with, as the caller names them in its error messages. */
export type TokenSettingNames = { secret: string; audience: string; issuer: string };

/**
 * What is wrong with an endpoint's token settings, named as the caller knows them (options of
 * `createConsentHandler`, or CLI flags), or `undefined`: a secret under 32 characters, an empty audience
 * or issuer, or either of them without a secret. Issuing, the handler and the CLI share these rules.
 */
export function tokenSettingsProblem(
  settings: SubjectTokenScope & { secret?: string },
  names: TokenSettingNames,
): string | undefined {
  if (settings.secret === undefined) {
    const scoped =
      settings.audience !== undefined ? names.audience : settings.issuer !== undefined ? names.issuer : undefined;
    return scoped && `${scoped}: needs ${names.secret} (subject tokens are off without it)`;
  }
  return secretProblem(settings.secret, names.secret) ?? scopeProblem(settings, names);
}

function secretProblem(secret: string, name: string): string | undefined {
  return typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH
    ? `${name}: expected at least ${MIN_SECRET_LENGTH} characters (e.g. the output of \`openssl rand -base64 32\`)`
    : undefined;
}

function scopeProblem(scope: SubjectTokenScope, names: TokenSettingNames): string | undefined {
  for (const key of ['audience', 'issuer'] as const) {
    const value = scope[key];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
      return `${names[key]}: expected a non-empty string, the \`${key === 'audience' ? 'aud' : 'iss'}\` claim tokens must carry`;
    }
  }
  return undefined;
}
