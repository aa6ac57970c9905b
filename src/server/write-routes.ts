import { Hono } from 'hono';
import { MAX_BODY_BYTES, type ErrorBody } from '../schema/api.js';
import { RECORD_ID } from '../schema/consent-record.js';
import { fail, json, noContent, recordNotFound } from './answers.js';
import { retainedPart, type RetainableField } from './build-receipt.js';
import { invalidToken, type CallerOf } from './caller-auth.js';
import type { HandlerEnv, HandlerLog } from './consent-handler-options.js';
import type { ConsentStore, WriteOutcome } from './consent-store.js';
import { consentWriteOf, type ReceiptSettings } from './consent-write.js';
import type { PruneNowAndThen } from './key-pruning.js';
import { putBodyOf } from './put-body.js';
import { readBody } from './read-body.js';
import { mayWrite } from './record-access.js';
import type { OverBudget } from './request-budgets.js';

/** What the write routes need from the handler. */
export interface WriteRoutesContext {
  store: ConsentStore;
  callerOf: CallerOf;
  overBudget: OverBudget;
  receipts: ReceiptSettings;
  /** The receipt fields an erasure keeps (the option); default {@link DEFAULT_RETAINED}. */
  retainOnErase?: readonly RetainableField[];
  pruneNowAndThen: PruneNowAndThen;
  now: () => number;
  log: HandlerLog;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;
/** What an erasure keeps of each receipt by default: when, which policy, how, and what was chosen. */
const DEFAULT_RETAINED: readonly RetainableField[] = [
  'receiptId',
  'timestamp',
  'policy',
  'collectionMethod',
  'purposes',
];

/**
 * `PUT` and `DELETE /v1/consents/:id`. Both ask who calls, then whether the record is theirs to change, and
 * only then whose budget the request spends: a stranger's write spends only their own client's budget.
 */
export function writeRoutes(context: WriteRoutesContext): Hono<HandlerEnv> {
  const { store, callerOf, overBudget, receipts, pruneNowAndThen, now, log } = context;
  const retain = context.retainOnErase ?? DEFAULT_RETAINED;
  const routes = new Hono<HandlerEnv>();

  routes.put('/v1/consents/:id', async (c) => {
    if (!JSON_TYPE.test(c.req.header('Content-Type') ?? '')) {
      return fail(415, 'unsupported-media-type', 'send the body as JSON with "Content-Type: application/json"');
    }
    const id = c.req.param('id');
    const subject = await callerOf(c);
    if (subject === undefined) return invalidToken();
    if (!RECORD_ID.test(id))
      return fail(400, 'invalid-id', 'id in the URL: expected a random UUID (version 4), lowercase');
    if (!(await mayWrite(store, id, subject))) return overBudget(c, 'write') ?? recordNotFound();
    const limited = overBudget(c, 'write', id);
    if (limited) return limited;

    const body = await readBody(c.req.raw, MAX_BODY_BYTES);
    if (body.kind === 'too-large')
      return fail(413, 'body-too-large', `the body is over ${MAX_BODY_BYTES} bytes; a consent record needs about 1 kB`);
    if (body.kind === 'cut-off')
      return clientFault(log, 'body-cut-off', 'the body ended before it was complete; send it again');
    const put = putBodyOf(body.text, id);
    if (put instanceof Response) return put;

    const receivedAt = now();
    pruneNowAndThen(receivedAt);
    const outcome = await store.write(await consentWriteOf(put, body.text, subject, receivedAt, receipts));
    return answerOf(outcome, put.record.revision);
  });

  routes.delete('/v1/consents/:id', async (c) => {
    const id = c.req.param('id');
    const subject = await callerOf(c);
    if (subject === undefined) return invalidToken();
    if (!RECORD_ID.test(id) || !(await mayWrite(store, id, subject))) return overBudget(c, 'write') ?? recordNotFound();
    const limited = overBudget(c, 'write', id);
    if (limited) return limited;
    const erased = await store.erase(id, subject, (receipt) => retainedPart(receipt, retain));
    return erased ? noContent() : recordNotFound();
  });

  return routes;
}

/** The answer to a PUT the store took: the stored (or first) answer, or why the change was not stored. */
function answerOf(outcome: WriteOutcome, revision: number): Response {
  switch (outcome.kind) {
    case 'stored':
    case 'replayed':
      return json(outcome.response, outcome.status);
    case 'stale':
      return json(
        {
          error: 'stale-revision',
          message: `revision ${revision} is not newer than the stored revision ${outcome.current.revision}`,
          record: outcome.current,
        } satisfies ErrorBody,
        409,
      );
    case 'key-reused':
      return fail(
        422,
        'idempotency-key-reused',
        'this idempotency key was used with another body: use a new key for a new change',
      );
    case 'not-found':
      return recordNotFound();
  }
}

/** A request the client broke (it went away mid-body): 400, and a log line that says so. */
function clientFault(log: HandlerLog, error: string, message: string): Response {
  log(`consent-kit: client fault (400 ${error}): ${message}`);
  return fail(400, error, message);
}
