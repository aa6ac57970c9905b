import { Hono } from 'hono';
import { createCallerOf } from './caller-auth.js';
import type { ConsentHandler, ConsentHandlerOptions, HandlerEnv } from './consent-handler-options.js';
import { addFallbackAnswers } from './fallback-answers.js';
import { addHeaderMiddleware } from './header-middleware.js';
import { createKeyPruning } from './key-pruning.js';
import { readRoutes } from './read-routes.js';
import { loadReceiptSigner } from './receipt-signer.js';
import { createOverBudget } from './request-budgets.js';
import { failuresMarked } from './store-failure.js';
import { writeRoutes } from './write-routes.js';

export type { ConnectionInfo, ConsentHandler, ConsentHandlerOptions } from './consent-handler-options.js';
export { CLOCK_TOLERANCE_MS } from './consent-write.js';

/**
 * The preferences endpoint (API v1) as a `(Request) => Promise<Response>` handler. Loads (or on first start
 * creates) the receipt signing key from the store, so it resolves once the store answers.
 *
 * Promises: every body is checked with the same schemas the browser uses; anything a client can send is
 * answered with a 2xx or 4xx, never a 5xx (a failing store answers `503`); revisions only move forward; a
 * repeated request gets the first answer; an id owned by another account answers exactly like a missing one.
 */
export async function createConsentHandler(options: ConsentHandlerOptions): Promise<ConsentHandler> {
  const now = options.now ?? Date.now;
  // Token settings are checked first: a handler that would refuse every token must not start at all.
  const callerOf = createCallerOf(options, now);
  const store = failuresMarked(options.store);
  await store.migrate();
  const signer = await loadReceiptSigner(store, { rotate: options.rotateSigningKey });
  const log = options.log ?? ((message, error) => console.error(message, error));
  const overBudget = createOverBudget(options, now);

  const app = new Hono<HandlerEnv>();
  addHeaderMiddleware(app, options.origins);
  app.route('/', readRoutes({ store, signer, callerOf, overBudget, receiptsPageMax: options.receiptsPageMax }));
  app.route(
    '/',
    writeRoutes({
      store,
      callerOf,
      overBudget,
      now,
      log,
      receipts: {
        signer,
        controller: options.controller,
        jurisdiction: options.jurisdiction ?? 'CN',
        separateConsent: options.separateConsent ?? [],
      },
      retainOnErase: options.retainOnErase,
      pruneNowAndThen: createKeyPruning(store, log),
    }),
  );
  addFallbackAnswers(app, log);

  return (request, connection) => Promise.resolve(app.fetch(request, { connection }));
}
