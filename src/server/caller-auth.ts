import type { Context } from 'hono';
import { fail } from './answers.js';
import type { ConsentHandlerOptions } from './consent-handler-options.js';
import { tokenSettingsProblem, verifySubjectToken } from './subject-token.js';

/**
 * Who is calling: the account a valid subject token names (its `sub`), `null` for an anonymous visitor (no
 * `Authorization` header), `undefined` for a token that does not hold (malformed, forged, expired, out of scope).
 */
export type Caller = string | null | undefined;

/** Reads the caller of a request from its `Authorization: Bearer <subject token>` header. */
export type CallerOf = (c: Context) => Promise<Caller>;

type TokenSettings = Pick<ConsentHandlerOptions, 'secret' | 'tokenAudience' | 'tokenIssuer'>;

/**
 * The caller reader for the handler's token settings. Throws a `TypeError` naming the option when the
 * settings do not hold together (a short secret, an audience or issuer without a secret), so a handler
 * never starts refusing every token for a reason nobody sees.
 */
export function createCallerOf(settings: TokenSettings, now: () => number): CallerOf {
  const { secret } = settings;
  const tokenScope = { audience: settings.tokenAudience, issuer: settings.tokenIssuer };
  const problem = tokenSettingsProblem(
    { secret, ...tokenScope },
    { secret: 'secret', audience: 'tokenAudience', issuer: 'tokenIssuer' },
  );
  if (problem) throw new TypeError(`consent-kit: ${problem}`);
  return async (c) => {
    const header = c.req.header('Authorization');
    if (header === undefined) return null;
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token || !secret) return undefined;
    return (await verifySubjectToken(secret, token, { ...tokenScope, now: now() }))?.sub;
  };
}

/** The answer to a caller whose token does not hold (`undefined`). */
export function invalidToken(): Response {
  return fail(
    401,
    'invalid-token',
    'the subject token is malformed, forged or expired: ask the site for a new one',
    undefined,
    {
      'WWW-Authenticate': 'Bearer',
    },
  );
}

/** The answer to an anonymous caller asking for what only an account has (its own record). */
export function tokenRequired(): Response {
  return fail(401, 'token-required', 'send the account\'s subject token as "Authorization: Bearer …"');
}
