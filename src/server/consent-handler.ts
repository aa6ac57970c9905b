import { createHash, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { MAX_BODY_BYTES, PutConsentBodySchema, RECEIPTS_PAGE_MAX, type ErrorBody } from '../schema/api.js';
import { RECORD_ID, type ConsentRecord } from '../schema/consent-record.js';
import { describeIssue, formatIssues } from '../schema/describe-issue.js';
import type { ReceiptController } from '../schema/receipt.js';
import { buildReceipt, retainedPart, type RetainableField } from './build-receipt.js';
import { IDEMPOTENCY_WINDOW_MS, type ConsentStore } from './consent-store.js';
import { RateLimiter } from './rate-limiter.js';
import { readBody } from './read-body.js';
import { receiptsPageOf } from './receipts-page.js';
import { loadReceiptSigner } from './receipt-signer.js';
import { failuresMarked, StoreFailure } from './store-failure.js';
import { tokenSettingsProblem, verifySubjectToken } from './subject-token.js';

/** Options of {@link createConsentHandler}. */
export interface ConsentHandlerOptions {
  store: ConsentStore;
  /** Who is responsible for the processing; named in every receipt. */
  controller: ReceiptController;
  /** Page origins allowed to call the endpoint from a browser (`https://www.example.com`). None: same origin only. */
  origins?: readonly string[];
  /**
   * The secret subject tokens (HS256 JWTs, see docs/subject-tokens.md) are signed with: at least 32 characters.
   * Without it every token is refused.
   */
  secret?: string;
  /** When set, a subject token must carry this `aud` claim (e.g. `consent-kit`); needs `secret`. */
  tokenAudience?: string;
  /** When set, a subject token must carry this `iss` claim (e.g. `https://www.example.com`); needs `secret`. */
  tokenIssuer?: string;
  /** Written into receipts; default `CN`. */
  jurisdiction?: string;
  /** Purposes that need separate consent: category ids, or `contact:<channel>:<topic>`. */
  separateConsent?: readonly string[];
  /** Receipt fields kept after an erasure, without the id; default: when, which policy, how, and what was chosen. */
  retainOnErase?: readonly RetainableField[];
  /** Writes (PUT, DELETE) allowed per record id per minute; default 30. */
  writesPerMinute?: number;
  /** Writes allowed per client address per minute; default 600 (one office behind one address is many visitors). */
  clientWritesPerMinute?: number;
  /** Reads (every GET, `/healthz` and `/v1/keys` included) allowed per client address per minute; default 1200. */
  readsPerMinute?: number;
  /** The largest receipts page a request may ask for; default (and at most) {@link RECEIPTS_PAGE_MAX}. */
  receiptsPageMax?: number;
  /**
   * The client's address for the per-client limit. Default: the socket's address. Behind a reverse proxy
   * every request comes from the proxy: pass e.g. the last `X-Forwarded-For` entry your proxy appends.
   */
  clientAddress?: (request: Request, connection?: ConnectionInfo) => string | undefined;
  /**
   * Retire every signing key (their public parts stay at `/v1/keys`) and sign with a new one from now on.
   * Needed to start on a store that holds receipts but lost its key. Default `false`.
   */
  rotateSigningKey?: boolean;
  now?: () => number;
  /** Where unexpected failures are reported; default `console.error`. */
  log?: (message: string, error?: unknown) => void;
}

/** Where the request came from, as the server binding knows it; used for the per-client rate limit. */
export interface ConnectionInfo {
  remoteAddress?: string;
}

/** A Web-standard request handler: mount it in Node, in another framework, or behind any proxy. */
export type ConsentHandler = (request: Request, connection?: ConnectionInfo) => Promise<Response>;

type Env = { Bindings: { connection?: ConnectionInfo } };

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  // A browser must never guess a type for an answer (a JSON body sniffed as HTML is a script injection).
  'X-Content-Type-Options': 'nosniff',
  // Answers are data: opened as a page or framed, they may load and run nothing.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};
const JSON_HEADERS = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' };
const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 500;
const DEFAULT_RETAINED: readonly RetainableField[] = ['receiptId', 'timestamp', 'policy', 'collectionMethod', 'purposes'];
const ROUTES: [path: string, methods: string[]][] = [
  ['/healthz', ['GET']],
  ['/v1/keys', ['GET']],
  ['/v1/consents/me', ['GET']],
  ['/v1/consents/:id', ['GET', 'PUT', 'DELETE']],
  ['/v1/consents/:id/receipts', ['GET']],
];

/**
 * The preferences endpoint (API v1) as a `(Request) => Promise<Response>` handler. Loads (or on first start
 * creates) the receipt signing key from the store, so it resolves once the store answers.
 *
 * Promises: every body is checked with the same schemas the browser uses; anything a client can send is
 * answered with a 2xx or 4xx, never a 5xx (a failing store answers `503`); revisions only move forward; a
 * repeated request gets the first answer; an id owned by another account answers exactly like a missing one.
 */
export async function createConsentHandler(options: ConsentHandlerOptions): Promise<ConsentHandler> {
  const { controller } = options;
  const tokenScope = { audience: options.tokenAudience, issuer: options.tokenIssuer };
  const tokenProblem = tokenSettingsProblem({ secret: options.secret, ...tokenScope }, { secret: 'secret', audience: 'tokenAudience', issuer: 'tokenIssuer' });
  if (tokenProblem) throw new TypeError(`consent-kit: ${tokenProblem}`);
  const store = failuresMarked(options.store);
  await store.migrate();
  const signer = await loadReceiptSigner(store, { rotate: options.rotateSigningKey });
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message, error) => console.error(message, error));
  const limiter = new RateLimiter({ now });
  const perId = options.writesPerMinute ?? 30;
  const perClient = options.clientWritesPerMinute ?? 600;
  const readsPerClient = options.readsPerMinute ?? 1200;
  const pageMax = Math.min(options.receiptsPageMax ?? RECEIPTS_PAGE_MAX, RECEIPTS_PAGE_MAX);
  const clientAddress = options.clientAddress ?? ((_request, connection) => connection?.remoteAddress);
  const retain = options.retainOnErase ?? DEFAULT_RETAINED;

  const app = new Hono<Env>();
  // Every answer the routes make carries the security headers (see `json`); the CORS preflight's answer is
  // made by the CORS middleware, so it gets them here.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method === 'OPTIONS') for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
  if (options.origins?.length) {
    app.use('*', cors({
      origin: [...options.origins],
      allowMethods: ['GET', 'PUT', 'DELETE'],
      allowHeaders: ['Content-Type', 'Authorization'],
      // The SDK's back-off reads Retry-After, and a receipts download follows Link; cross-origin, both must be exposed.
      exposeHeaders: ['Retry-After', 'Link'],
      maxAge: 600,
    }));
  }

  /** `null`: anonymous; `undefined`: a token that does not hold (401). */
  const subjectOf = async (c: Context<Env>): Promise<string | null | undefined> => {
    const header = c.req.header('Authorization');
    if (header === undefined) return null;
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token || !options.secret) return undefined;
    return (await verifySubjectToken(options.secret, token, { ...tokenScope, now: now() }))?.sub;
  };
  const unauthorized = (c: Context<Env>) =>
    fail(c, 401, 'invalid-token', 'the subject token is malformed, forged or expired: ask the site for a new one', undefined, { 'WWW-Authenticate': 'Bearer' });
  const notFound = (c: Context<Env>) => fail(c, 404, 'not-found', 'no consent record with this id');
  /**
   * Spends one unit of each budget, or answers 429 when one is spent. A write to a record the caller may
   * change spends the record's budget and the client's; anything else only the client's, so strangers cannot
   * lock an owner out of their own record.
   */
  const overBudget = (c: Context<Env>, kind: 'read' | 'write', id?: string): Response | undefined => {
    const client = clientAddress(c.req.raw, c.env?.connection);
    const keys = id === undefined ? [] : [{ key: `id:${id}`, limit: perId }];
    if (client) keys.push(kind === 'read' ? { key: `read:${client}`, limit: readsPerClient } : { key: `write:${client}`, limit: perClient });
    const verdict = limiter.take(keys);
    if (verdict.ok) return undefined;
    return fail(c, 429, 'rate-limited', `too many ${kind}s; retry in ${verdict.retryAfterSeconds} s`, undefined, {
      'Retry-After': String(verdict.retryAfterSeconds),
    });
  };
  let lastPrune = -Infinity;
  /**
   * At most once a minute, on a write, expired idempotency keys are deleted in small batches, in the
   * background: no request waits for it.
   */
  const pruneNowAndThen = (at: number) => {
    if (at - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = at;
    const before = new Date(at - IDEMPOTENCY_WINDOW_MS).toISOString();
    void (async () => {
      while ((await store.pruneKeys(before, PRUNE_BATCH)) === PRUNE_BATCH);
    })().catch((error: unknown) => log('consent-kit: the store failed (pruning expired idempotency keys)', (error as Error).cause ?? error));
  };
  /** Whether the caller may change the record: it is missing, anonymous, or the caller's own. */
  const mayWrite = async (id: string, subject: string | null) => {
    const stored = await store.read(id);
    return !stored || stored.owner === null || stored.owner === subject;
  };
  /** The record if it exists and the caller may see it; unknown and other-owner ids alike give `null`. */
  const readAllowed = async (id: string, subject: string | null) => {
    if (!RECORD_ID.test(id)) return null;
    const stored = await store.read(id);
    return stored && (stored.owner === null || stored.owner === subject) ? stored : null;
  };

  app.get('/healthz', async (c) => overBudget(c, 'read')
    ?? ((await store.ping()) ? json({ status: 'ok' }) : fail(c, 503, 'unavailable', 'the database does not answer')));

  app.get('/v1/keys', async (c) => overBudget(c, 'read') ?? json(await signer.jwks()));

  app.get('/v1/consents/me', async (c) => {
    const subject = await subjectOf(c);
    if (subject === undefined) return unauthorized(c);
    if (subject === null) return fail(c, 401, 'token-required', 'send the account\'s subject token as "Authorization: Bearer …"');
    const limited = overBudget(c, 'read');
    if (limited) return limited;
    const stored = await store.readOwned(subject);
    return stored ? json({ record: stored.record }) : notFound(c);
  });

  app.get('/v1/consents/:id', async (c) => {
    const subject = await subjectOf(c);
    if (subject === undefined) return unauthorized(c);
    const limited = overBudget(c, 'read');
    if (limited) return limited;
    const stored = await readAllowed(c.req.param('id'), subject);
    return stored ? json({ record: stored.record }) : notFound(c);
  });

  app.get('/v1/consents/:id/receipts', async (c) => {
    const subject = await subjectOf(c);
    if (subject === undefined) return unauthorized(c);
    const limited = overBudget(c, 'read');
    if (limited) return limited;
    const id = c.req.param('id');
    if (!(await readAllowed(id, subject))) return notFound(c);
    const page = receiptsPageOf(c.req.query('limit'), c.req.query('after'), pageMax);
    if (Array.isArray(page)) return fail(c, 400, 'invalid-query', 'the receipts page asked for does not exist', page);
    const { receipts, next } = await store.receipts(id, page);
    if (next === undefined) return json({ receipts });
    return json({ receipts, next: String(next) }, 200, { Link: `</v1/consents/${id}/receipts?after=${next}&limit=${page.limit}>; rel="next"` });
  });

  app.put('/v1/consents/:id', async (c) => {
    const type = c.req.header('Content-Type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return fail(c, 415, 'unsupported-media-type', 'send the body as JSON with "Content-Type: application/json"');
    }
    // Who asks, then whether the record is theirs to change, and only then whose budget the request spends.
    const id = c.req.param('id');
    const subject = await subjectOf(c);
    if (subject === undefined) return unauthorized(c);
    if (!RECORD_ID.test(id)) return fail(c, 400, 'invalid-id', 'id in the URL: expected a random UUID (version 4), lowercase');
    if (!(await mayWrite(id, subject))) return overBudget(c, 'write') ?? notFound(c);
    const limited = overBudget(c, 'write', id);
    if (limited) return limited;

    const body = await readBody(c.req.raw, MAX_BODY_BYTES);
    if (body.kind === 'too-large') return fail(c, 413, 'body-too-large', `the body is over ${MAX_BODY_BYTES} bytes; a consent record needs about 1 kB`);
    if (body.kind === 'cut-off') return clientFault(c, 'body-cut-off', 'the body ended before it was complete; send it again');
    let input: unknown;
    try {
      input = JSON.parse(body.text);
    } catch {
      return fail(c, 400, 'invalid-json', 'the body is not valid JSON', ['(root): expected a JSON object']);
    }
    const parsed = z.safeParse(PutConsentBodySchema, input, { error: describeIssue });
    if (!parsed.success) {
      return fail(c, 400, 'invalid-body', 'the body does not match the consent API', formatIssues(parsed.error.issues));
    }
    const { notice, idempotencyKey } = parsed.data;
    const problems = recordProblems(parsed.data.record, id);
    if (problems.length > 0) return fail(c, 400, 'invalid-body', 'the record is inconsistent', problems);

    const receivedAt = now();
    pruneNowAndThen(receivedAt);
    const record = clampedToNow(parsed.data.record, receivedAt);
    const timestamp = new Date(receivedAt).toISOString();
    const receipt = buildReceipt(record, {
      receiptId: randomUUID(), timestamp, owner: subject, notice, controller,
      jurisdiction: options.jurisdiction ?? 'CN', separateConsent: options.separateConsent ?? [],
    });
    const outcome = await store.write({
      record, owner: subject, idempotencyKey, receivedAt: timestamp,
      requestHash: createHash('sha256').update(body.text).digest('hex'),
      receipt: { receiptId: receipt.receiptId, jws: signer.sign(receipt), receipt },
    });
    switch (outcome.kind) {
      case 'stored':
      case 'replayed':
        return json(outcome.response, outcome.status);
      case 'stale':
        return json({
          error: 'stale-revision',
          message: `revision ${record.revision} is not newer than the stored revision ${outcome.current.revision}`,
          record: outcome.current,
        } satisfies ErrorBody, 409);
      case 'key-reused':
        return fail(c, 422, 'idempotency-key-reused', 'this idempotency key was used with another body: use a new key for a new change');
      case 'not-found':
        return notFound(c);
    }
  });

  app.delete('/v1/consents/:id', async (c) => {
    const id = c.req.param('id');
    const subject = await subjectOf(c);
    if (subject === undefined) return unauthorized(c);
    if (!RECORD_ID.test(id) || !(await mayWrite(id, subject))) return overBudget(c, 'write') ?? notFound(c);
    const limited = overBudget(c, 'write', id);
    if (limited) return limited;
    const erased = await store.erase(id, subject, (receipt) => retainedPart(receipt, retain));
    return erased ? new Response(null, { status: 204, headers: { ...SECURITY_HEADERS } }) : notFound(c);
  });

  for (const [path, methods] of ROUTES) {
    app.all(path, (c) => {
      return fail(c, 405, 'method-not-allowed', `${c.req.method} is not allowed here; use ${methods.join(', ')}`, undefined, {
        Allow: methods.join(', '),
      });
    });
  }
  app.notFound((c) => fail(c, 404, 'not-found', 'no such route; the API is under /v1'));
  /** A request the client broke (it went away mid-body): 400, and a log line that says so. */
  const clientFault = (c: Context<Env>, error: string, message: string) => {
    log(`consent-kit: client fault (400 ${error}): ${message}`);
    return fail(c, 400, error, message);
  };
  app.onError((error, c) => {
    if (error instanceof StoreFailure) {
      log('consent-kit: the store failed', error.cause);
      return fail(c, 503, 'unavailable', 'the endpoint cannot reach its database; retry later');
    }
    log('consent-kit: unexpected error (a bug: please report it)', error);
    return fail(c, 500, 'internal', 'the endpoint failed unexpectedly; retry later');
  });

  return (request, connection) => Promise.resolve(app.fetch(request, { connection }));
}

/**
 * A JSON answer with the security headers and its type with the charset (a browser must never guess it),
 * and any `extra` headers. Made as a plain Response with plain headers: the cheapest answer to send.
 */
function json(body: unknown, status = 200, extra?: Record<string, string>) {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...extra } });
}

function fail(
  c: Context, status: 400 | 401 | 404 | 405 | 413 | 415 | 422 | 429 | 500 | 503, error: string, message: string,
  problems?: string[], extra?: Record<string, string>,
) {
  return json({ error, message, ...(problems ? { problems } : {}) } satisfies ErrorBody, status, extra);
}

/** What the schema cannot see: the record must be the one the URL names, and time only moves forward. */
function recordProblems(record: ConsentRecord, id: string): string[] {
  const problems: string[] = [];
  if (record.id !== id) problems.push('record.id: expected the same id as in the URL');
  if (Date.parse(record.decidedAt) > Date.parse(record.updatedAt)) problems.push('record.updatedAt: expected a time at or after decidedAt');
  return problems;
}

/** How far ahead of the endpoint's clock a record's `updatedAt` may be (device clocks drift) before it is clamped. */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/**
 * The record with times no later than the endpoint's clock allows: a device whose clock runs ahead cannot
 * date a decision in the future (and so win every later comparison). Times within the tolerance stay as sent.
 */
function clampedToNow(record: ConsentRecord, now: number): ConsentRecord {
  if (Date.parse(record.updatedAt) <= now + CLOCK_TOLERANCE_MS) return record;
  const clamped = new Date(now).toISOString();
  return { ...record, updatedAt: clamped, decidedAt: Date.parse(record.decidedAt) > now ? clamped : record.decidedAt };
}
