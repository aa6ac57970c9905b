import { type Context, Hono } from 'hono';
import { RECEIPTS_PAGE_MAX } from '../schema/api.js';
import { fail, json, recordNotFound } from './answers.js';
import { invalidToken, tokenRequired, type CallerOf } from './caller-auth.js';
import type { HandlerEnv } from './consent-handler-options.js';
import type { ConsentStore } from './consent-store.js';
import { readAllowed } from './record-access.js';
import type { ReceiptSigner } from './receipt-signer.js';
import { receiptsPageOf } from './receipts-page.js';
import type { OverBudget } from './request-budgets.js';

/** What the read routes need from the handler. */
export interface ReadRoutesContext {
  store: ConsentStore;
  signer: ReceiptSigner;
  callerOf: CallerOf;
  overBudget: OverBudget;
  /** The largest receipts page a request may ask for (the option; at most {@link RECEIPTS_PAGE_MAX}). */
  receiptsPageMax?: number;
}

/**
 * The GET routes: `/healthz`, `/v1/keys`, `/v1/consents/me`, `/v1/consents/:id` and its receipts. Each spends
 * the client's read budget; one that takes a token checks it first, so a bad token answers 401 for free.
 */
export function readRoutes({
  store,
  signer,
  callerOf,
  overBudget,
  receiptsPageMax,
}: ReadRoutesContext): Hono<HandlerEnv> {
  const pageMax = Math.min(receiptsPageMax ?? RECEIPTS_PAGE_MAX, RECEIPTS_PAGE_MAX);
  const routes = new Hono<HandlerEnv>();
  /** Who reads a record: a token that does not hold answers 401 for free, then the read spends the budget. */
  const reader = async (c: Context<HandlerEnv>): Promise<string | null | Response> => {
    const subject = await callerOf(c);
    if (subject === undefined) return invalidToken();
    return overBudget(c, 'read') ?? subject;
  };

  routes.get(
    '/healthz',
    async (c) =>
      overBudget(c, 'read') ??
      ((await store.ping()) ? json({ status: 'ok' }) : fail(503, 'unavailable', 'the database does not answer')),
  );

  routes.get('/v1/keys', async (c) => overBudget(c, 'read') ?? json(await signer.jwks()));

  routes.get('/v1/consents/me', async (c) => {
    const subject = await callerOf(c);
    if (subject === undefined) return invalidToken();
    if (subject === null) return tokenRequired();
    const limited = overBudget(c, 'read');
    if (limited) return limited;
    const stored = await store.readOwned(subject);
    return stored ? json({ record: stored.record }) : recordNotFound();
  });

  routes.get('/v1/consents/:id', async (c) => {
    const subject = await reader(c);
    if (subject instanceof Response) return subject;
    const stored = await readAllowed(store, c.req.param('id'), subject);
    return stored ? json({ record: stored.record }) : recordNotFound();
  });

  routes.get('/v1/consents/:id/receipts', async (c) => {
    const subject = await reader(c);
    if (subject instanceof Response) return subject;
    const id = c.req.param('id');
    if (!(await readAllowed(store, id, subject))) return recordNotFound();
    const page = receiptsPageOf(c.req.query('limit'), c.req.query('after'), pageMax);
    if (Array.isArray(page)) return fail(400, 'invalid-query', 'the receipts page asked for does not exist', page);
    const { receipts, next } = await store.receipts(id, page);
    if (next === undefined) return json({ receipts });
    return json({ receipts, next: String(next) }, 200, {
      Link: `</v1/consents/${id}/receipts?after=${next}&limit=${page.limit}>; rel="next"`,
    });
  });

  return routes;
}
