import type { ConsentRecord } from '../schema/consent-record.js';
import {
  RECEIPT_VERSION,
  type Notice,
  type Receipt,
  type ReceiptController,
  type ReceiptPurpose,
} from '../schema/receipt.js';

/** What a receipt needs besides the record: who controls the data, under which law, and what was shown. */
export interface ReceiptContext {
  receiptId: string;
  timestamp: string;
  owner: string | null;
  notice: Notice;
  controller: ReceiptController;
  jurisdiction: string;
  /**
   * Purposes whose consent must be given separately (category ids or `contact:<channel>:<topic>`), besides
   * those the page itself marked in the notice. A service's purpose (`analytics/clarity`) is separate when
   * its category is.
   */
  separateConsent: readonly string[];
}

/**
 * The receipt of one accepted record: each choice as a purpose, granted or denied. A category granted or
 * denied whole is one purpose (`analytics`); one granted in part is its services instead, each a purpose of
 * its own (`analytics/clarity`), so no entry says "denied" of a category some of whose services are on.
 * Contact choices are `contact:<channel>:<topic>`. The record's limits bound the list: at most 32 categories,
 * 64 services and 64 contact choices, so 160 purposes.
 */
export function buildReceipt(record: ConsentRecord, context: ReceiptContext): Receipt {
  const isSeparate = (id: string) =>
    context.separateConsent.includes(id) || context.notice.separateConsent?.includes(id) === true;
  const purpose = (id: string, granted: boolean, category = id): ReceiptPurpose => ({
    purpose: id,
    status: granted ? 'granted' : 'denied',
    separateConsent: isSeparate(id) || isSeparate(category),
  });
  return {
    version: RECEIPT_VERSION,
    receiptId: context.receiptId,
    recordId: record.id,
    ...(context.owner === null ? {} : { subject: context.owner }),
    timestamp: context.timestamp,
    jurisdiction: context.jurisdiction,
    controller: context.controller,
    policy: { version: record.policyVersion, url: context.notice.policyUrl },
    notice: {
      language: context.notice.language,
      ...(context.notice.textHash ? { textHash: context.notice.textHash } : {}),
    },
    collectionMethod: record.method,
    revision: record.revision,
    ...(record.ageConfirmed === undefined ? {} : { ageConfirmed: record.ageConfirmed }),
    decidedAt: record.decidedAt,
    purposes: [
      ...Object.entries(record.categories).flatMap(([id, granted]) => {
        const services = record.services?.[id];
        if (!services) return [purpose(id, granted)];
        return Object.entries(services).map(([service, on]) => purpose(`${id}/${service}`, on, id));
      }),
      ...Object.entries(record.contact).flatMap(([channel, topics]) =>
        Object.entries(topics).map(([topic, granted]) => purpose(`contact:${channel}:${topic}`, granted)),
      ),
    ],
  };
}

/** Receipt fields an erasure may keep: none of them names the person or the record. */
export const RETAINABLE_FIELDS = [
  'receiptId',
  'timestamp',
  'jurisdiction',
  'controller',
  'policy',
  'notice',
  'collectionMethod',
  'revision',
  'purposes',
] as const satisfies readonly (keyof Receipt)[];
export type RetainableField = (typeof RETAINABLE_FIELDS)[number];

/** The part of a receipt that survives an erasure: only `fields`, never `recordId`, `subject` or `decidedAt`. */
export function retainedPart(receipt: Receipt, fields: readonly RetainableField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, receipt[field]]));
}
