import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import { SECURITY_HEADERS } from './answers.js';
import type { HandlerEnv } from './consent-handler-options.js';

/**
 * The middleware every request passes: the security headers on the CORS preflight's answer, and, when pages
 * of other origins may call, CORS for them. Added before any route.
 */
export function addHeaderMiddleware(app: Hono<HandlerEnv>, origins: readonly string[] | undefined): void {
  // Every answer the routes make carries the security headers (see `json`); the CORS preflight's answer is
  // made by the CORS middleware, so it gets them here.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method === 'OPTIONS')
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
  if (origins?.length) {
    app.use(
      '*',
      cors({
        origin: [...origins],
        allowMethods: ['GET', 'PUT', 'DELETE'],
        allowHeaders: ['Content-Type', 'Authorization'],
        // The SDK's back-off reads Retry-After, and a receipts download follows Link; cross-origin, both must be exposed.
        exposeHeaders: ['Retry-After', 'Link'],
        maxAge: 600,
      }),
    );
  }
}
