import type { Hono } from 'hono';
import { fail } from './answers.js';
import type { HandlerEnv, HandlerLog } from './consent-handler-options.js';
import { StoreFailure } from './store-failure.js';

/**
 * What the handler answers when no route does: 405 with `Allow` for a known path asked with another method
 * (the methods read from the routes mounted so far, so call this last), 404 for an unknown path, and for a
 * route that threw, 503 when the store failed or 500 (and a log line asking for a bug report) otherwise.
 */
export function addFallbackAnswers(app: Hono<HandlerEnv>, log: HandlerLog): void {
  for (const [path, methods] of methodsByPath(app)) {
    app.all(path, (c) => {
      return fail(
        405,
        'method-not-allowed',
        `${c.req.method} is not allowed here; use ${methods.join(', ')}`,
        undefined,
        {
          Allow: methods.join(', '),
        },
      );
    });
  }
  app.notFound(() => fail(404, 'not-found', 'no such route; the API is under /v1'));
  app.onError((error) => {
    if (error instanceof StoreFailure) {
      log('consent-kit: the store failed', error.cause);
      return fail(503, 'unavailable', 'the endpoint cannot reach its database; retry later');
    }
    log('consent-kit: unexpected error (a bug: please report it)', error);
    return fail(500, 'internal', 'the endpoint failed unexpectedly; retry later');
  });
}

/** Each path routed for a method, with its methods in the order they were added; middleware (`ALL`) is not a route. */
function methodsByPath(app: Hono<HandlerEnv>): Map<string, string[]> {
  const methods = new Map<string, string[]>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    methods.set(route.path, [...(methods.get(route.path) ?? []), route.method]);
  }
  return methods;
}
