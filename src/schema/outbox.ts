import * as z from 'zod/mini';
import { IDEMPOTENCY_KEY } from './api.js';
import { ConsentRecordSchema, RECORD_ID } from './consent-record.js';
import { NoticeSchema } from './receipt.js';

const key = z.string().check(z.regex(IDEMPOTENCY_KEY));
const token = z.optional(z.string().check(z.maxLength(2048)));

/**
 * One change waiting for the endpoint: a record to PUT or an id to DELETE, with the idempotency key made
 * when the change was, so every retry is the same request.
 */
export const OutboxEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('put'), key, record: ConsentRecordSchema, notice: NoticeSchema, token }),
  z.strictObject({ kind: z.literal('delete'), key, id: z.string().check(z.regex(RECORD_ID)), token }),
]);

/** The outbox as kept in localStorage (or a cookie): pending changes, oldest first. */
export const OutboxSchema = z.array(OutboxEntrySchema);

export type OutboxEntry = z.output<typeof OutboxEntrySchema>;
