import { createHash, randomUUID } from 'node:crypto';
import type { PutConsentBody } from '../schema/api.js';
import type { ConsentRecord } from '../schema/consent-record.js';
import type { ReceiptController } from '../schema/receipt.js';
import { buildReceipt } from './build-receipt.js';
import type { ConsentWrite } from './consent-store.js';
import type { ReceiptSigner } from './receipt-signer.js';

/** What every receipt the handler signs says of the processing, and the key it is signed with. */
export interface ReceiptSettings {
  signer: ReceiptSigner;
  controller: ReceiptController;
  jurisdiction: string;
  separateConsent: readonly string[];
}

/** How far ahead of the endpoint's clock a record's `updatedAt` may be (device clocks drift) before it is clamped. */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/**
 * The change a checked PUT body asks the store for: the record dated no later than the endpoint's clock
 * allows, and its signed receipt, received at `receivedAt` (the endpoint's clock) from `owner`.
 */
export async function consentWriteOf(
  body: PutConsentBody,
  bodyText: string,
  owner: string | null,
  receivedAt: number,
  settings: ReceiptSettings,
): Promise<ConsentWrite> {
  const record = clampedToNow(body.record, receivedAt);
  const timestamp = new Date(receivedAt).toISOString();
  const receipt = buildReceipt(record, {
    receiptId: randomUUID(),
    timestamp,
    owner,
    notice: body.notice,
    controller: settings.controller,
    jurisdiction: settings.jurisdiction,
    separateConsent: settings.separateConsent,
  });
  return {
    record,
    owner,
    idempotencyKey: body.idempotencyKey,
    receivedAt: timestamp,
    requestHash: createHash('sha256').update(bodyText).digest('hex'),
    receipt: { receiptId: receipt.receiptId, jws: await settings.signer.sign(receipt), receipt },
  };
}

/**
 * The record with times no later than the endpoint's clock allows: a device whose clock runs ahead cannot
 * date a decision in the future (and so win every later comparison). Times within the tolerance stay as sent.
 */
function clampedToNow(record: ConsentRecord, now: number): ConsentRecord {
  if (Date.parse(record.updatedAt) <= now + CLOCK_TOLERANCE_MS) return record;
  const clamped = new Date(now).toISOString();
  return { ...record, updatedAt: clamped, decidedAt: Date.parse(record.decidedAt) > now ? clamped : record.decidedAt };
}
