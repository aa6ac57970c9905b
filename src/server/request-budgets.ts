import type { Context } from 'hono';
import { fail } from './answers.js';
import type { ConsentHandlerOptions, HandlerEnv } from './consent-handler-options.js';
import { RateLimiter } from './rate-limiter.js';

/**
 * Spends one unit of each budget a request draws on, or answers 429 when one is spent. A write to a record
 * the caller may change (`id` given) spends the record's budget and the client's; anything else only the
 * client's, so strangers cannot lock an owner out of their own record.
 */
export type OverBudget = (c: Context<HandlerEnv>, kind: 'read' | 'write', id?: string) => Response | undefined;

type BudgetSettings = Pick<
  ConsentHandlerOptions,
  'writesPerMinute' | 'clientWritesPerMinute' | 'readsPerMinute' | 'clientAddress'
>;

/** The budgets of one handler, counted in memory (see {@link RateLimiter}), with the defaults the options name. */
export function createOverBudget(settings: BudgetSettings, now: () => number): OverBudget {
  const limiter = new RateLimiter({ now });
  const perId = settings.writesPerMinute ?? 30;
  const perClient = settings.clientWritesPerMinute ?? 600;
  const readsPerClient = settings.readsPerMinute ?? 1200;
  const clientAddress = settings.clientAddress ?? ((_request, connection) => connection?.remoteAddress);
  return (c, kind, id) => {
    const client = clientAddress(c.req.raw, c.env?.connection);
    const keys = id === undefined ? [] : [{ key: `id:${id}`, limit: perId }];
    if (client)
      keys.push(
        kind === 'read'
          ? { key: `read:${client}`, limit: readsPerClient }
          : { key: `write:${client}`, limit: perClient },
      );
    const verdict = limiter.take(keys);
    if (verdict.ok) return undefined;
    return fail(429, 'rate-limited', `too many ${kind}s; retry in ${verdict.retryAfterSeconds} s`, undefined, {
      'Retry-After': String(verdict.retryAfterSeconds),
    });
  };
}
