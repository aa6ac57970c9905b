import type { ConsentManager } from '../../core/consent-manager.js';

/**
 * Saves the visitor's consent record as a JSON file: the decision in force and, with an endpoint, every
 * signed receipt of it. Without an endpoint the receipts list is empty; when the endpoint cannot be reached
 * the file still comes, with the decision and the reason the receipts are missing.
 */
export async function downloadRecord(manager: ConsentManager): Promise<void> {
  const record: { decision: unknown; receipts: unknown[]; receiptsError?: string } = {
    decision: manager.state,
    receipts: [],
  };
  if (manager.config.endpoint) {
    try {
      record.receipts = await manager.receipts();
    } catch (error) {
      record.receiptsError = (error as Error).message;
    }
  }
  const file = new Blob([JSON.stringify(record, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = 'consent-record.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
