import type { ConsentConfig } from '../schema/config.js';
import type { ConsentRecord } from '../schema/consent-record.js';

/** Which decision speaks for an account seen on this device (`local`) and on the endpoint (`remote`). */
export type Reconciliation = 'keep-local' | 'adopt-remote' | 'merge';

/**
 * The newer decision wins, by `updatedAt`. Two different decisions made in the same second are a conflict:
 * they are merged so that a choice is on only where both have it on, because a conflict must never
 * silently turn a category or a contact choice on.
 */
export function reconcile(local: ConsentRecord, remote: ConsentRecord): Reconciliation {
  const byTime = Date.parse(local.updatedAt) - Date.parse(remote.updatedAt);
  if (byTime > 0) return 'keep-local';
  if (byTime < 0) return 'adopt-remote';
  return sameChoices(local, remote) ? 'adopt-remote' : 'merge';
}

/**
 * The record with exactly this config's optional categories and contact choices: unknown ids dropped and
 * missing ones off, as a decision made here would have them.
 */
export function fitToConfig(record: ConsentRecord, config: ConsentConfig): ConsentRecord {
  const categories: Record<string, boolean> = {};
  for (const c of config.categories) if (!c.required) categories[c.id] = record.categories[c.id] === true;
  const contact: ConsentRecord['contact'] = {};
  for (const { id: channel } of config.contact.channels) {
    contact[channel] = {};
    for (const { id: topic } of config.contact.topics) contact[channel][topic] = record.contact[channel]?.[topic] === true;
  }
  return { ...record, categories, contact };
}

export function sameChoices(a: ConsentRecord, b: ConsentRecord): boolean {
  return JSON.stringify([a.categories, a.contact]) === JSON.stringify([b.categories, b.contact]);
}
