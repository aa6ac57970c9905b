import * as z from 'zod/mini';
import { CONSENT_METHODS, RECORD_ID } from './consent-record.js';
import { LOCALE, POLICY_VERSION, SLUG } from '../shared/patterns.js';
import { isSafeUrl } from '../shared/safe-url.js';

/** The Kantara Consent Receipt specification version the receipt fields follow. */
export const RECEIPT_VERSION = 'KI-CR-v1.1.0';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const uuid = () => z.string().check(z.regex(RECORD_ID, 'expected a random UUID (version 4)'));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/**
 * What the visitor was shown when deciding, sent with every change so the receipt can prove it:
 * the language, where the policy lives, and a SHA-256 of the notice text (absent when the page could not
 * hash, i.e. outside a secure context).
 */
export const NoticeSchema = z.strictObject({
  language: z.string().check(z.regex(LOCALE, 'expected a locale such as "zh-CN"')),
  policyUrl: z
    .string()
    .check(z.maxLength(2048), z.refine(isSafeUrl, 'expected an https:, http: or relative URL without spaces')),
  textHash: z.optional(z.string().check(z.regex(SHA256_HEX, 'expected a SHA-256 digest as 64 lowercase hex digits'))),
  /** Categories the page asked for separately (config `separate`), flagged as such in the receipt. */
  separateConsent: z.optional(z.array(z.string().check(z.regex(SLUG))).check(z.maxLength(32))),
});

/**
 * One purpose of a receipt: a cookie category granted or denied whole (`analytics`), one service of a category
 * granted in part (`analytics/clarity`), or a contact choice (`contact:email:offers`).
 */
export const ReceiptPurposeSchema = z.strictObject({
  purpose: z.string().check(z.maxLength(80)),
  status: z.enum(['granted', 'denied']),
  /** Whether the law asks for this purpose's consent to be given separately (PIPL art. 29, 39). */
  separateConsent: z.boolean(),
});

/** Who is responsible for the processing, as the receipt names them. */
export const ControllerSchema = z.strictObject({
  name: text(200),
  contact: z.optional(text(200)),
  address: z.optional(text(400)),
});

/**
 * The signed content of one consent receipt: one accepted change of one record. Field choice follows
 * ISO/IEC TS 27560 and the Kantara Consent Receipt v1.1; `recordId` and `subject` identify the person and are
 * what an erasure removes.
 */
export const ReceiptSchema = z.strictObject({
  version: z.literal(RECEIPT_VERSION),
  receiptId: uuid(),
  recordId: uuid(),
  /** The signed-in account the record belongs to, if any. */
  subject: z.optional(text(200)),
  /** When the endpoint accepted the change (ISO 8601, UTC). */
  timestamp: z.iso.datetime(),
  jurisdiction: text(16),
  controller: ControllerSchema,
  policy: z.strictObject({ version: z.string().check(z.regex(POLICY_VERSION)), url: NoticeSchema.shape.policyUrl }),
  notice: z.strictObject({
    language: NoticeSchema.shape.language,
    textHash: z.optional(z.string().check(z.regex(SHA256_HEX))),
  }),
  collectionMethod: z.enum(CONSENT_METHODS),
  revision: z.number().check(z.int(), z.gte(1)),
  /** The visitor confirmed the minimum age or a guardian's consent (Protection of Minors). */
  ageConfirmed: z.optional(z.boolean()),
  decidedAt: z.iso.datetime(),
  purposes: z.array(ReceiptPurposeSchema),
});

/** A receipt as the endpoint hands it out: the compact JWS (Ed25519) and, for convenience, its content. */
export const SignedReceiptSchema = z.strictObject({
  receiptId: uuid(),
  jws: z.string(),
  receipt: ReceiptSchema,
});

export type Notice = z.output<typeof NoticeSchema>;
export type Receipt = z.output<typeof ReceiptSchema>;
export type ReceiptPurpose = z.output<typeof ReceiptPurposeSchema>;
export type ReceiptController = z.output<typeof ControllerSchema>;
export type SignedReceipt = z.output<typeof SignedReceiptSchema>;
