import * as z from 'zod/mini';
import { ConsentRecordSchema } from './consent-record.js';
import { NoticeSchema, SignedReceiptSchema } from './receipt.js';

/**
 * Largest request body the endpoint reads; a record of 32 categories is about 1 kB, and the largest the
 * record's limits allow (with 64 services and 64 contact choices, every id 32 characters long) about 7 kB.
 */
export const MAX_BODY_BYTES = 16 * 1024;

/** Idempotency keys: 16 to 64 URL-safe characters, random per change (the client uses 128 bits). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** `PUT /v1/consents/:id`: the visitor's current record, the key that makes a retry harmless, and the notice shown. */
export const PutConsentBodySchema = z.strictObject({
  record: ConsentRecordSchema,
  idempotencyKey: z.string().check(z.regex(IDEMPOTENCY_KEY, 'expected 16 to 64 letters, digits, "-" or "_"')),
  notice: NoticeSchema,
});

/** The answer to an accepted `PUT` (201 created, 200 updated), and to every repeat of the same request. */
export const PutConsentResponseSchema = z.strictObject({
  record: ConsentRecordSchema,
  receipt: SignedReceiptSchema,
});

/** `GET /v1/consents/:id`. */
export const GetConsentResponseSchema = z.strictObject({ record: ConsentRecordSchema });

/** Receipts per page of `GET /v1/consents/:id/receipts` when the request names no `limit`. */
export const RECEIPTS_PAGE_DEFAULT = 20;
/**
 * The largest `limit` a receipts page may ask for. A receipt lists at most 160 purposes (32 categories, 64
 * services, 64 contact choices): most are under 2 kB, the largest the limits allow about 19 kB of JSON,
 * about 52 kB with its JWS.
 */
export const RECEIPTS_PAGE_MAX = 50;

/**
 * `GET /v1/consents/:id/receipts?limit=&after=`: one page of the record's receipts, oldest first. `next`, when
 * present, is the `after` value of the following page (the `Link: <…>; rel="next"` header names the same page).
 */
export const ReceiptListSchema = z.strictObject({
  receipts: z.array(SignedReceiptSchema),
  next: z.optional(z.string().check(z.regex(/^[1-9][0-9]{0,14}$/))),
});

/**
 * Every error answer. `error` is a stable code; `problems` lists bad fields as `path: what is expected`;
 * a `409` carries the stored `record` the client lost to.
 */
export const ErrorBodySchema = z.strictObject({
  error: z.string(),
  message: z.string(),
  problems: z.optional(z.array(z.string())),
  record: z.optional(ConsentRecordSchema),
});

/** `GET /v1/keys`: the Ed25519 public keys receipts are signed with, as a JSON Web Key Set. */
export const JwksSchema = z.object({
  keys: z.array(
    z.object({
      kty: z.literal('OKP'),
      crv: z.literal('Ed25519'),
      x: z.string(),
      kid: z.string(),
      alg: z.string(),
      use: z.optional(z.literal('sig')),
    }),
  ),
});

export type PutConsentBody = z.output<typeof PutConsentBodySchema>;
export type PutConsentResponse = z.output<typeof PutConsentResponseSchema>;
export type ErrorBody = z.output<typeof ErrorBodySchema>;
export type Jwks = z.output<typeof JwksSchema>;
